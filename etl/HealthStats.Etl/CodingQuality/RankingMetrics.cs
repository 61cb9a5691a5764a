namespace HealthStats.Etl.CodingQuality;

/// <summary>How well a ranking finds the miscoded abstracts: what an auditor with a fixed budget gets.</summary>
internal static class RankingMetrics
{
    /// <summary>Average precision, the step-wise area under the precision-recall curve.</summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Order(scores);
        var positives = labels.Count(l => l);
        if (positives == 0)
            return 0;
        double found = 0, sum = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (!labels[order[k]])
                continue;
            found++;
            sum += found / (k + 1);
        }
        return sum / positives;
    }

    /// <summary>Precision and recall of the top <paramref name="budget"/> scores, and lift over random selection.</summary>
    public static (double Precision, double Recall, double Lift) AtBudget(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int budget)
    {
        var order = Order(scores);
        var positives = labels.Count(l => l);
        budget = Math.Min(budget, order.Length);
        if (budget == 0 || positives == 0)
            return (0, 0, 0);
        var hits = order.Take(budget).Count(i => labels[i]);
        var precision = (double)hits / budget;
        var baseRate = (double)positives / labels.Count;
        return (precision, (double)hits / positives, precision / baseRate);
    }

    // Highest score first; ties in row order, so that a tie gives no ranking credit by accident of sorting.
    private static int[] Order(IReadOnlyList<double> scores) =>
        [.. Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i)];
}
