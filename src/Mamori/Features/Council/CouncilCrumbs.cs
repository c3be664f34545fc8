using Mamori.Core.Features.Council;
using Mamori.Features.Shared;

namespace Mamori.Features.Council;

/// <summary>The breadcrumbs every council page starts with.</summary>
public static class CouncilCrumbs
{
    public static readonly Crumb Top = new("審議会", "/council");
    public static readonly Crumb Items = new("諮問・報告・答申", "/council/items");

    /// <summary>審議会 › the meeting, for the pages that hang off one meeting.</summary>
    public static Crumb[] Meeting(MeetingView view) =>
        [Top, new Crumb($"{view.Council.Name} {view.Meeting.Title}", $"/council/meetings/{view.Meeting.Id}")];
}
