using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>
/// Miscodes a share of abstracts, one error each, keeping every abstract structurally valid (one MRDx,
/// no duplicate codes, interventions within the stay). It draws from its own random stream, one number
/// per abstract, so the clinical content of a run does not depend on the error rate.
/// </summary>
internal sealed class ErrorInjector
{
    private readonly Prng _rng;
    private readonly double _rate;
    private readonly int[] _counts = new int[ErrorTypes.All.Length];
    private readonly int[] _order = new int[ErrorTypes.All.Length];
    private readonly Dictionary<ClinicalProfile, HashSet<string>> _profileInterventions = [];

    public ErrorInjector(Prng rng, double rate)
    {
        _rng = rng;
        _rate = rate;
        foreach (var profile in ProfileCatalog.All)
            _profileInterventions[profile] = [.. CodeCatalog.Interventions(profile)];
    }

    public int Miscoded { get; private set; }

    public IReadOnlyDictionary<string, int> CountsByType()
    {
        var result = new Dictionary<string, int>(ErrorTypes.All.Length);
        for (var i = 0; i < ErrorTypes.All.Length; i++)
            result[ErrorTypes.All[i]] = _counts[i];
        return result;
    }

    /// <summary>The injected error type, or null when the abstract stays correct.</summary>
    public string? MaybeInject(StayRecord stay)
    {
        if (_rng.NextDouble() >= _rate)
            return null;

        // The least used error types go first (ties in random order), so the shares stay even although
        // some types apply to fewer abstracts (procedure_mismatch needs an intervention).
        for (var i = 0; i < _order.Length; i++)
            _order[i] = i;
        for (var i = _order.Length - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
        for (var i = 1; i < _order.Length; i++)
        {
            var item = _order[i];
            var j = i - 1;
            while (j >= 0 && _counts[_order[j]] > _counts[item])
            {
                _order[j + 1] = _order[j];
                j--;
            }
            _order[j + 1] = item;
        }

        foreach (var type in _order)
        {
            if (TryApply(type, stay))
            {
                _counts[type]++;
                Miscoded++;
                return ErrorTypes.All[type];
            }
        }
        return null;
    }

    private bool TryApply(int type, StayRecord s) => ErrorTypes.All[type] switch
    {
        ErrorTypes.InvalidCode => InvalidCode(s),
        ErrorTypes.NonspecificCode => NonspecificCode(s),
        ErrorTypes.SexConflict => SexConflict(s),
        ErrorTypes.AgeConflict => AgeConflict(s),
        ErrorTypes.MrdxSequencing => MrdxSequencing(s),
        ErrorTypes.CodeSubstitution => CodeSubstitution(s),
        ErrorTypes.Transposition => Transposition(s),
        ErrorTypes.ProcedureMismatch => ProcedureMismatch(s),
        _ => false,
    };

    /// <summary>A code that does not exist, preferably one that looks like the code it replaces.</summary>
    private bool InvalidCode(StayRecord s)
    {
        var index = _rng.Next(s.DxCount);
        var current = s.DxCodes[index];
        var list = ErrorCodeLists.InvalidCodes;
        var sameCategory = 0;
        var sameLetter = 0;
        foreach (var code in list)
        {
            if (string.CompareOrdinal(code, 0, current, 0, 3) == 0)
                sameCategory++;
            if (code[0] == current[0])
                sameLetter++;
        }
        string replacement;
        if (sameCategory > 0)
            replacement = NthMatching(list, current, 3, _rng.Next(sameCategory));
        else if (sameLetter > 0)
            replacement = NthMatching(list, current, 1, _rng.Next(sameLetter));
        else
            replacement = list[_rng.Next(list.Length)];
        s.DxCodes[index] = replacement;
        return true;
    }

    private static string NthMatching(string[] list, string current, int prefix, int n)
    {
        foreach (var code in list)
        {
            if (string.CompareOrdinal(code, 0, current, 0, prefix) == 0 && n-- == 0)
                return code;
        }
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A code replaced by its three-character category, which exists but is not billable.</summary>
    private bool NonspecificCode(StayRecord s)
    {
        var eligible = 0;
        for (var i = 0; i < s.DxCount; i++)
        {
            if (s.DxCodes[i].Length > 3)
                eligible++;
        }
        if (eligible == 0)
            return false;
        var n = _rng.Next(eligible);
        for (var i = 0; i < s.DxCount; i++)
        {
            if (s.DxCodes[i].Length > 3 && n-- == 0)
            {
                s.DxCodes[i] = CodeCatalog.Category(s.DxCodes[i]);
                return true;
            }
        }
        return false;
    }

    private bool SexConflict(StayRecord s)
    {
        if (s.Age < 15 || (s.Sex != 'M' && s.Sex != 'F'))
            return false;
        return AddSecondary(s, s.Sex == 'M' ? ErrorCodeLists.FemaleOnly : ErrorCodeLists.MaleOnly);
    }

    private bool AgeConflict(StayRecord s)
    {
        if (s.Age < 15)
            return AddSecondary(s, ErrorCodeLists.AdultOnly);
        if (s.Sex == 'F' && s.Age >= 70 && _rng.Chance(0.5))
            return AddSecondary(s, ErrorCodeLists.Maternity);
        return AddSecondary(s, ErrorCodeLists.NewbornOnly);
    }

    /// <summary>Adds a code from the list as a secondary diagnosis (replacing the last one when full).</summary>
    private bool AddSecondary(StayRecord s, string[] candidates)
    {
        var start = _rng.Next(candidates.Length);
        for (var k = 0; k < candidates.Length; k++)
        {
            var code = candidates[(start + k) % candidates.Length];
            if (s.HasDx(code))
                continue;
            var index = s.DxCount < StayRecord.MaxDiagnoses ? s.DxCount++ : StayRecord.MaxDiagnoses - 1;
            s.DxCodes[index] = code;
            s.DxTypes[index] = '3';
            return true;
        }
        return false;
    }

    /// <summary>A comorbidity coded as the MRDx and the true MRDx demoted to a pre-admit comorbidity.</summary>
    private bool MrdxSequencing(StayRecord s)
    {
        var eligible = 0;
        for (var i = 1; i < s.DxCount; i++)
        {
            if (IsSequencingCandidate(s, i))
                eligible++;
        }
        if (eligible == 0)
            return false;
        var n = _rng.Next(eligible);
        for (var i = 1; i < s.DxCount; i++)
        {
            if (IsSequencingCandidate(s, i) && n-- == 0)
            {
                var trueMrdx = s.DxCodes[0];
                s.DxCodes[0] = s.DxCodes[i];
                s.DxCodes[i] = trueMrdx;
                s.DxTypes[i] = '1';
                return true;
            }
        }
        return false;
    }

    private static bool IsSequencingCandidate(StayRecord s, int i) =>
        (s.DxTypes[i] == '1' || s.DxTypes[i] == '2') && CodeCatalog.IsAcceptableMrdx(s.DxCodes[i]);

    /// <summary>The MRDx replaced by a valid neighbouring code of a different condition.</summary>
    private bool CodeSubstitution(StayRecord s)
    {
        var substitutes = s.Variant.Substitutes;
        var start = _rng.Next(substitutes.Length);
        for (var k = 0; k < substitutes.Length; k++)
        {
            var code = substitutes[(start + k) % substitutes.Length];
            if (!s.HasDx(code))
            {
                s.DxCodes[0] = code;
                return true;
            }
        }
        return false;
    }

    /// <summary>Two adjacent characters swapped, giving another valid code.</summary>
    private bool Transposition(StayRecord s)
    {
        var eligible = 0;
        for (var i = 0; i < s.DxCount; i++)
        {
            if (ErrorCodeLists.Transpositions.TryGetValue(s.DxCodes[i], out var target) && !s.HasDx(target))
                eligible++;
        }
        if (eligible == 0)
            return false;
        var n = _rng.Next(eligible);
        for (var i = 0; i < s.DxCount; i++)
        {
            if (ErrorCodeLists.Transpositions.TryGetValue(s.DxCodes[i], out var target) && !s.HasDx(target) && n-- == 0)
            {
                s.DxCodes[i] = target;
                return true;
            }
        }
        return false;
    }

    /// <summary>An intervention replaced by one that fits none of the diagnoses.</summary>
    private bool ProcedureMismatch(StayRecord s)
    {
        if (s.PxCount == 0)
            return false;
        var own = _profileInterventions[s.Profile];
        var pool = ErrorCodeLists.MismatchedInterventions;
        var start = _rng.Next(pool.Length);
        for (var k = 0; k < pool.Length; k++)
        {
            var code = pool[(start + k) % pool.Length];
            if (own.Contains(code) || s.HasPx(code))
                continue;
            s.PxCodes[_rng.Next(s.PxCount)] = code;
            return true;
        }
        return false;
    }
}
