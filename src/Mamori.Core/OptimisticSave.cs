using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core;

/// <summary>Saving a record people edit: a concurrent edit becomes a message, not an exception.</summary>
public static class OptimisticSave
{
    public const string ConflictMessage = "他の人が先に変更しました。画面を開き直して、最新の内容を確認してから入力してください。";

    /// <summary>
    /// Loads a record for an edit: null with a message when it is not there (<paramref name="notFound"/>) or when
    /// the version the form was opened with is no longer the current one.
    /// </summary>
    public static async Task<(T? Entity, Outcome<T>? Failure)> LoadAsync<T>(IQueryable<T> set, Guid id, Guid? version, string notFound, CancellationToken ct)
        where T : class, Data.IVersioned
    {
        var entity = await set.FirstOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id, ct);
        if (entity is null)
        {
            return (null, Outcome<T>.NotFound(notFound));
        }
        return version is { } v && v != entity.Version ? (null, Outcome<T>.Conflict(ConflictMessage)) : (entity, null);
    }

    /// <summary>The message when a unique value (a name, a code) was saved by someone else a moment before.</summary>
    public const string TakenMessage = "同じ記録を、たった今ほかの人が登録しました。画面を開き直して、登録されたものを確かめてください。";

    /// <summary>
    /// Saves; an edit of a record someone saved since it was loaded, or a second record with a value that must be
    /// unique which another save took a moment before, is a conflict with a message (never a 500).
    /// </summary>
    public static async Task<Outcome<T>> SaveAsync<T>(DbContext db, T value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Success(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<T>.Conflict(ConflictMessage);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Of(ex) is not null)
        {
            return Outcome<T>.Conflict(TakenMessage);
        }
    }
}

/// <summary>
/// Saving a record that takes the next number of its series (整理番号, 諮問第N号, 案件番号 …): the highest number
/// + 1 under a unique index. When another save took that number first, the number is taken again after a short
/// random wait, until the save succeeds, so concurrent saves all succeed with consecutive numbers. A failed save
/// is rolled back whole, and the audit interceptor drops its rows, so trying again leaves nothing behind.
/// </summary>
public static class NumberedSave
{
    /// <summary>More than enough for every user of a municipality saving at the same moment.</summary>
    private const int Attempts = 200;

    /// <summary>
    /// Saves <paramref name="entity"/> after <paramref name="takeNext"/> gave it the next number of the series kept
    /// unique by the index over <paramref name="numberProperty"/>. Without <paramref name="takeNext"/> the number
    /// was chosen by the user: when another save took it first, the save is refused with <paramref name="takenMessage"/>.
    /// </summary>
    public static async Task<Outcome<T>> SaveAsync<T>(DbContext db, T entity, string numberProperty, Func<Task>? takeNext, CancellationToken ct,
        string? takenMessage = null) where T : class
    {
        var index = db.Model.FindEntityType(typeof(T))!.GetIndexes()
            .Single(i => i.IsUnique && i.Properties.Any(p => p.Name == numberProperty));
        for (var attempt = 1; ; attempt++)
        {
            if (takeNext is not null)
            {
                await takeNext();
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<T>.Success(entity);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome<T>.Conflict(OptimisticSave.ConflictMessage);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Of(ex) is { } violation)
            {
                if (takeNext is null || !violation.Is(index) || attempt >= Attempts)
                {
                    db.Entry(entity).State = EntityState.Detached;
                    return Outcome<T>.Conflict(takeNext is null && violation.Is(index) && takenMessage is not null ? takenMessage : OptimisticSave.TakenMessage);
                }
                await Task.Delay(SaveBackoff.Delay(attempt), ct);
            }
        }
    }
}
