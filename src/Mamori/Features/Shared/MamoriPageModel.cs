using Mamori.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Features.Shared;

/// <summary>Common page plumbing: title, breadcrumbs, flash messages and use-case errors into ModelState.</summary>
public abstract class MamoriPageModel : PageModel
{
    protected void SetTitle(string title, params Crumb[] crumbs)
    {
        ViewData["Title"] = title;
        ViewData["Crumbs"] = crumbs.Length == 0 ? null : crumbs.Append(new Crumb(title)).ToList();
    }

    protected void Flash(string message, bool error = false)
    {
        TempData["Flash"] = message;
        TempData["FlashKind"] = error ? "error" : "success";
    }

    private bool _recordMissing;

    /// <summary>
    /// The one mapping of a refusal for pages: a record that is not there (or not in the user's scope) answers 404 whatever
    /// the handler returns next; an invalid input or a conflict stays on the page with its message.
    /// </summary>
    public override void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
    {
        if (_recordMissing && context.Exception is null)
        {
            context.Result = NotFound();
        }
        base.OnPageHandlerExecuted(context);
    }

    /// <summary>The outcome's message as the flash after a Post/Redirect/Get (<paramref name="done"/> when it succeeded).</summary>
    protected void Flash<T>(Outcome<T> outcome, string done)
    {
        _recordMissing |= outcome.Kind == FailureKind.NotFound;
        Flash(outcome.Ok ? done : outcome.Describe(), error: !outcome.Ok);
    }

    /// <summary>Copies a use case's field errors into ModelState under the input's prefix.</summary>
    protected void AddErrors<T>(Outcome<T> outcome, string prefix = "Input")
    {
        _recordMissing |= outcome.Kind == FailureKind.NotFound;
        foreach (var (field, messages) in outcome.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.Length == 0 || prefix.Length == 0 ? field : $"{prefix}.{field}", message);
            }
        }
    }

    /// <summary>Whether the signed-in user passes <paramref name="policy"/> (for handlers narrower than the page).</summary>
    protected async Task<bool> AllowedAsync(Microsoft.AspNetCore.Authorization.IAuthorizationService authz, string policy) =>
        (await Microsoft.AspNetCore.Authorization.AuthorizationServiceExtensions.AuthorizeAsync(authz, User, policy)).Succeeded;

    /// <summary>Parses an optional date typed as 和暦 or Gregorian; adds a field error when it cannot.</summary>
    protected DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Core.Japanese.WarekiDate.TryParse(text, out var date, out var error))
        {
            return date;
        }
        ModelState.AddModelError(field, error!);
        return null;
    }
}
