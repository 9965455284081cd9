using Safe6G.Testing;
using Safe6G.Gateway.Tenancy;

namespace Safe6G.Gateway.Tests.Tenancy;

public sealed class RequestBudgetTests
{
    [Fact]
    public void A_full_bucket_gives_the_burst_then_refills_at_the_rate_and_never_above_the_burst()
    {
        var clock = new ManualClock(ManualClock.DefaultStart);
        var budget = new RequestBudget(perSecond: 2, burst: 3, clock);
        Assert.True(budget.TryTake(out _));
        Assert.True(budget.TryTake(out _));
        Assert.True(budget.TryTake(out _));
        Assert.False(budget.TryTake(out var wait));
        Assert.Equal(0.5, wait.TotalSeconds, 3);

        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(budget.TryTake(out _));
        Assert.False(budget.TryTake(out _));

        // A long quiet spell refills to the burst, not beyond.
        clock.Advance(TimeSpan.FromHours(1));
        for (var i = 0; i < 3; i++)
            Assert.True(budget.TryTake(out _));
        Assert.False(budget.TryTake(out _));
    }

    [Fact]
    public void A_fractional_rate_asks_for_a_long_wait()
    {
        var clock = new ManualClock(ManualClock.DefaultStart);
        var budget = new RequestBudget(perSecond: 0.1, burst: 1, clock);
        Assert.True(budget.TryTake(out _));
        Assert.False(budget.TryTake(out var wait));
        Assert.Equal(10, wait.TotalSeconds, 3);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(budget.TryTake(out wait));
        Assert.Equal(1, wait.TotalSeconds, 3);
    }

}
