using AdaptiveLoss.Core.Policy;

namespace AdaptiveLoss.Core.Tests.Policy;

public sealed class RoundBookTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TakeRound_ChildTwoWindowsAhead_PairsWindowsInOrder()
    {
        var book = TwoChildren();
        book.Add(T("A", 0), T0);
        book.Add(T("A", 1), T0);
        Assert.False(book.IsComplete);   // B has nothing pending yet.

        book.Add(T("B", 0), T0);
        Assert.True(book.IsComplete);
        var first = book.TakeRound();

        Assert.False(book.IsComplete);   // A's window 1 waits for B's window 1.
        book.Add(T("B", 1), T0);
        var second = book.TakeRound();

        Assert.Equal([("A", 0), ("B", 0)], first.Select(t => (t.ChildId, t.Window)));
        Assert.Equal([("A", 1), ("B", 1)], second.Select(t => (t.ChildId, t.Window)));
        Assert.Equal(2, book.Rounds);
        Assert.Equal(0, book.PendingCount);
    }

    [Fact]
    public void RestartClocks_StoredBookAfterDowntime_WaitsAFullTimeoutFromTheRestartInTheSameOrder()
    {
        var book = TwoChildren();
        book.Add(T("A", 0), T0);
        book.Add(T("A", 1), T0 + TimeSpan.FromSeconds(20));
        var timeout = TimeSpan.FromSeconds(60);
        var restart = T0 + TimeSpan.FromHours(1);
        var restored = new RoundBook(book.Export());
        Assert.True(restored.IsOverdue(restart, timeout)); // the stored wall-clock instants count the downtime

        restored.RestartClocks(restart);

        Assert.False(restored.IsOverdue(restart + timeout - TimeSpan.FromTicks(1), timeout));
        Assert.True(restored.IsOverdue(restart + timeout, timeout));
        Assert.Equal([("A", 0)], restored.TakeRound().Select(t => (t.ChildId, t.Window)));
        Assert.Equal([("A", 1)], restored.TakeRound().Select(t => (t.ChildId, t.Window)));
    }

    [Fact]
    public void Add_DuplicateChildAndWindow_IgnoredEvenAfterItsRound()
    {
        var book = TwoChildren();

        Assert.True(book.Add(T("A", 0), T0));
        Assert.False(book.Add(T("A", 0), T0));
        Assert.Equal(1, book.PendingCount);
        book.Add(T("B", 0), T0);
        book.TakeRound();

        Assert.False(book.Add(T("A", 0), T0));
        Assert.False(book.AddSkip("B", 0, T0));
        Assert.Equal(0, book.PendingEntries);
    }

    [Fact]
    public void AddSkip_FillsSlot_RoundClosesWithoutIt()
    {
        var book = TwoChildren();
        book.Add(T("A", 0), T0);

        Assert.True(book.AddSkip("B", 0, T0));
        Assert.True(book.IsComplete);
        Assert.Equal(1, book.PendingCount);
        Assert.Equal(2, book.PendingEntries);
        var round = book.TakeRound();

        Assert.Equal([("A", 0)], round.Select(t => (t.ChildId, t.Window)));
        Assert.Equal(1, book.Rounds);
        Assert.Equal(0, book.PendingEntries);
    }

    [Fact]
    public void TakeRound_OnlySkips_NotCountedAsRound()
    {
        var book = TwoChildren();
        book.AddSkip("A", 0, T0);
        book.AddSkip("B", 0, T0);

        Assert.True(book.IsComplete);
        Assert.Empty(book.TakeRound());
        Assert.Equal(0, book.Rounds);
    }

    [Fact]
    public void Leave_SlowChild_RoundClosesAndItsPendingStaysQueued()
    {
        var book = TwoChildren();
        book.Add(T("A", 0), T0);
        book.Add(T("B", 0), T0);
        book.Add(T("B", 1), T0);
        book.TakeRound();
        Assert.False(book.IsComplete);   // B's window 1 waits for A.

        book.Leave("A");

        Assert.True(book.IsComplete);
        Assert.Equal(["B"], book.LiveChildren);
        Assert.Equal([("B", 1)], book.TakeRound().Select(t => (t.ChildId, t.Window)));
    }

    [Fact]
    public void Leave_WithPendingTransition_StillTakenInNextRound()
    {
        var book = TwoChildren();
        book.Add(T("A", 0), T0);
        book.Leave("A");
        book.Leave("B");

        Assert.True(book.IsComplete);
        Assert.Single(book.TakeRound());
        Assert.False(book.IsComplete);
    }

    [Fact]
    public void IsComplete_NothingPending_False()
    {
        Assert.False(new RoundBook().IsComplete);
        Assert.False(TwoChildren().IsComplete);
    }

    [Fact]
    public void IsOverdue_OldestEntryReachesTimeout_True()
    {
        var book = TwoChildren();
        var timeout = TimeSpan.FromSeconds(60);
        Assert.False(book.IsOverdue(T0.AddHours(1), timeout));   // nothing pending

        book.Add(T("A", 0), T0);
        book.Add(T("A", 1), T0.AddSeconds(30));

        Assert.False(book.IsOverdue(T0.AddSeconds(59.9), timeout));
        Assert.True(book.IsOverdue(T0.AddSeconds(60), timeout));
        book.TakeRound();   // the timeout round takes A's oldest only
        Assert.False(book.IsOverdue(T0.AddSeconds(60), timeout));
        Assert.True(book.IsOverdue(T0.AddSeconds(90), timeout));
        Assert.Equal(1, book.PendingCount);
    }

    [Fact]
    public void TakeRound_RandomInterleaving_EveryTransitionExactlyOnceInWindowOrder()
    {
        var random = new Random(2024);
        const int children = 5;
        const int windows = 12;
        var book = new RoundBook();
        var next = new int[children];
        var skipped = new HashSet<(string, int)>();
        var taken = new List<(string ChildId, int Window)>();
        var nonEmptyRounds = 0;
        var now = T0;
        for (var c = 0; c < children; c++)
        {
            book.Join($"E/{c}");
        }

        while (next.Any(w => w < windows))
        {
            var c = random.Next(children);
            if (next[c] == windows)
            {
                continue;
            }

            var id = $"E/{c}";
            now = now.AddSeconds(random.Next(0, 20));
            if (random.NextDouble() < 0.15)
            {
                Assert.True(book.AddSkip(id, next[c], now));
                skipped.Add((id, next[c]));
            }
            else
            {
                Assert.True(book.Add(T(id, next[c]), now));
            }

            // Retries: a resent earlier window is always a duplicate.
            Assert.False(book.Add(T(id, random.Next(next[c] + 1)), now));
            if (++next[c] == windows)
            {
                book.Leave(id);
            }

            while (book.IsComplete || book.IsOverdue(now, TimeSpan.FromSeconds(60)))
            {
                var round = book.TakeRound();
                Assert.Equal(round.Count, round.Select(t => t.ChildId).Distinct().Count());
                taken.AddRange(round.Select(t => (t.ChildId, t.Window)));
                nonEmptyRounds += round.Count > 0 ? 1 : 0;
            }
        }

        Assert.Equal(0, book.PendingEntries);
        Assert.Equal(nonEmptyRounds, book.Rounds);
        var expected = Enumerable.Range(0, children)
            .SelectMany(c => Enumerable.Range(0, windows).Select(w => ($"E/{c}", w)))
            .Where(key => !skipped.Contains(key));
        Assert.Equal(expected.Order(), taken.Order());
        for (var c = 0; c < children; c++)
        {
            var ofChild = taken.Where(t => t.ChildId == $"E/{c}").Select(t => t.Window).ToList();
            Assert.Equal(ofChild.Order(), ofChild);
        }
    }

    [Fact]
    public void JoinAfresh_ChildThatLeft_ItsWindowsCountAgain()
    {
        var book = TwoChildren();
        book.Add(T("A", 0), T0);
        book.Add(T("B", 0), T0);
        book.TakeRound();
        book.Leave("A");

        book.JoinAfresh("A");

        Assert.True(book.Add(T("A", 0), T0));
        Assert.False(book.Add(T("B", 0), T0));
    }

    [Fact]
    public void JoinAfresh_LiveChild_KeepsItsWindowsAsDuplicates()
    {
        var book = TwoChildren();
        book.Add(T("A", 0), T0);

        book.JoinAfresh("A");

        Assert.False(book.Add(T("A", 0), T0));
        Assert.Equal(1, book.PendingCount);
    }

    private static RoundBook TwoChildren()
    {
        var book = new RoundBook();
        book.Join("A");
        book.Join("B");
        return book;
    }

    private static Transition T(string child, int window) => new(child, window, [], [], 0.0, 0);
}
