using Mamori.Core.Japanese;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// The application's clock in tests: pinned to a chosen day in Japan. It starts at the given JST time of
/// that day and runs at the real pace, so timers, delays and sign-in lifetimes behave as in production
/// while "today" is the same whatever day of the week the suite runs on.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>The day the shared test applications live on: a Thursday, the day the 3-day deadline window once broke.</summary>
    public static readonly DateOnly DefaultToday = new(2026, 11, 26);

    private TimeSpan _offset;

    public TestClock(DateOnly today, TimeOnly? at = null)
    {
        Today = today;
        var start = new DateTimeOffset(today.ToDateTime(at ?? new TimeOnly(10, 0)), TimeSpan.FromHours(9));
        _offset = start - System.GetUtcNow();
    }

    /// <summary>The pinned day (JST). A run never lasts long enough to cross midnight from 10:00.</summary>
    public DateOnly Today { get; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    /// <summary>Moves the clock forward (idle timeouts, lifetimes); only for a test's own application.</summary>
    public void Advance(TimeSpan by) => _offset += by;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
}
