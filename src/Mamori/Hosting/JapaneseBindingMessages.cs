using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Mamori.Hosting;

/// <summary>Model-binding messages (a number field with letters in it, a missing value …) in Japanese.</summary>
public static class JapaneseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"「{value}」は{field}として正しくありません。");
        p.SetMissingBindRequiredValueAccessor(field => $"{field}を入力してください。");
        p.SetMissingKeyOrValueAccessor(() => "値を入力してください。");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "送信内容が空です。");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"「{value}」は正しい値ではありません。");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "値が正しくありません。");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "数字で入力してください。");
        p.SetUnknownValueIsInvalidAccessor(field => $"{field}の値が正しくありません。");
        p.SetValueIsInvalidAccessor(value => $"「{value}」は正しい値ではありません。");
        p.SetValueMustBeANumberAccessor(field => $"{field}は数字で入力してください。");
        p.SetValueMustNotBeNullAccessor(field => $"{field}を入力してください。");
    }
}
