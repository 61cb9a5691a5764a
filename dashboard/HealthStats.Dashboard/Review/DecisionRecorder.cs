using HealthStats.Dashboard.Overview;
using HealthStats.Etl.Audit;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Dashboard.Review;

/// <summary>
/// Checks a supervisor's decision and records it as an audit outcome (source 'review'), which the next training
/// reads with the imported ones, and in the audit log. The audit log is written first: a decision that cannot be
/// logged is not recorded.
/// </summary>
public sealed class DecisionRecorder(WarehouseDatabase database, AuditLog audit)
{
    /// <summary>What is wrong with the decision, field by field; empty when it can be recorded.</summary>
    public IReadOnlyList<(string Field, string Error)> Check(ReviewDecision decision, out string? correctedCodes)
    {
        correctedCodes = null;
        var errors = new List<(string, string)>();
        switch (decision.Outcome)
        {
            case ReviewDecision.Correct:
                if (!string.IsNullOrWhiteSpace(decision.ErrorType) || !string.IsNullOrWhiteSpace(decision.CorrectedCodes))
                    errors.Add((nameof(ReviewDecision.ErrorType), "A correct abstract has no error type and no corrected codes."));
                break;
            case ReviewDecision.Miscoded:
                if (!ErrorTypeChoices.IsKnown(decision.ErrorType))
                    errors.Add((nameof(ReviewDecision.ErrorType), "Choose the error type of a miscoded abstract."));
                if (!string.IsNullOrWhiteSpace(decision.CorrectedCodes))
                    correctedCodes = CheckCodes(decision.CorrectedCodes, errors);
                break;
            default:
                errors.Add((nameof(ReviewDecision.Outcome), "Choose miscoded or correct."));
                break;
        }
        return errors;
    }

    /// <summary>Records a checked decision about the abstract's current version; the reviewer is the signed-in user.</summary>
    public void Record(ReviewedAbstract about, ReviewDecision decision, string? correctedCodes, string reviewer, string source)
    {
        var errorType = decision.Outcome == ReviewDecision.Miscoded ? decision.ErrorType : null;
        audit.Append(reviewer, AuditActions.ReviewDecision,
            $"abstract {about.FacilityId}/{about.AbstractId}: {decision.Outcome}{(errorType is null ? "" : $" ({errorType})")}", source);
        var now = DateTime.UtcNow;
        using var connection = database.OpenConnection();
        connection.Execute("""
            insert into coding.audit_outcomes
                (facility_id, abstract_id, abstract_batch_id, outcome, error_type, corrected_codes, reviewer_id, reviewed_date, source, recorded_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'review', $9)
            """, about.FacilityId, about.AbstractId, about.BatchId, decision.Outcome, errorType, correctedCodes, reviewer, DateOnly.FromDateTime(now), now);
    }

    // Each code:type must name a known diagnosis code and type, with exactly one MRDx; written back as formats.md shows them.
    private string? CheckCodes(string text, List<(string, string)> errors)
    {
        var field = nameof(ReviewDecision.CorrectedCodes);
        var items = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = new List<(string Code, string Type)>();
        using var connection = database.OpenConnection();
        var codeLists = CodeLists.Load(connection);
        foreach (var item in items)
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                errors.Add((field, $"'{item}' is not code:type (for example J44.1:M)."));
                continue;
            }
            var code = ClassificationFiles.NormaliseCode(parts[0]);
            var type = parts[1].ToUpperInvariant();
            if (!codeLists.Contains(CodeLists.DiagnosisType, type))
                errors.Add((field, $"'{parts[1]}' is not a diagnosis type; the types are {string.Join(", ", codeLists.Codes(CodeLists.DiagnosisType))}."));
            else if (connection.Scalar<long>("select count(*) from marts.dim_diagnosis_codes where code = $1", code) == 0)
                errors.Add((field, $"{parts[0]} is not a diagnosis code of any classification held."));
            else if (parsed.Any(p => p.Code == code))
                errors.Add((field, $"{parts[0]} is given twice."));
            else
                parsed.Add((code, type));
        }
        if (errors.Count == 0 && parsed.Count(p => p.Type == "M") != 1)
            errors.Add((field, "The corrected codes need exactly one most responsible diagnosis (type M)."));
        return errors.Count == 0 ? string.Join(';', parsed.Select(p => $"{CodeDisplay.Diagnosis(p.Code)}:{p.Type}")) : null;
    }
}
