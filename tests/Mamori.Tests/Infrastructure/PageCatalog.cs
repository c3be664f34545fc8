using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Infrastructure;

/// <summary>A page handler as compiled: the page's route pattern ("/findings/{id:guid}"), GET or POST, and its name (null for OnGet/OnPost).</summary>
public sealed record PageHandler(string Route, string Method, string? Name)
{
    /// <summary>"/route" or "/route?handler=Name" with the route's parameters still in braces.</summary>
    public string Path => Name is null ? Route : $"{Route}?handler={Name}";
}

/// <summary>Every Razor page of the running application with its handlers, read from the endpoints and the compiled pages.</summary>
public static class PageCatalog
{
    public static async Task<List<PageHandler>> HandlersAsync(MamoriFactory factory)
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var handlers = new List<PageHandler>();
        foreach (var endpoint in factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            handlers.AddRange(compiled.HandlerMethods.Select(h => new PageHandler(route, h.HttpMethod.ToUpperInvariant(), h.Name is { Length: > 0 } n ? n : null)));
        }
        return handlers;
    }
}
