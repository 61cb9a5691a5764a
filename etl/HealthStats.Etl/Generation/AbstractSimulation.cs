using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>
/// Walks the calendar day by day, admitting the day's share of abstracts from the seasonal case mix and
/// the stays scheduled by earlier discharges (transfers, readmissions). Each abstract is written as soon
/// as it is built; only the bounded patient pool and the pending stays are held in memory.
/// </summary>
internal sealed partial class AbstractSimulation
{
    /// <summary>Share of index admissions that go to a known patient when one fits.</summary>
    private const double ReturningShare = 0.3;

    /// <summary>Share of a known patient's admissions at their usual hospital.</summary>
    private const double HomeFacilityShare = 0.85;

    /// <summary>Share of transferred-in patients sent back to the community hospital after care at the centre.</summary>
    private const double RepatriationShare = 0.3;

    private readonly GeneratorOptions _options;
    private readonly Prng _rng;
    private readonly FacilityRoster _roster;
    private readonly PatientPool _pool;
    private readonly ErrorInjector _errors;
    private readonly AbstractCsvWriter _abstracts;
    private readonly TruthCsvWriter _truth;
    private readonly ProfileSelector _selector = new();
    private readonly PriorityQueue<ScheduledStay, long> _pending = new();
    private readonly StayRecord _stay = new();
    private readonly int[] _sequences;
    private readonly int _firstDay;
    private readonly int _lastDay;
    private int _emitted;
    private long _scheduled;

    public AbstractSimulation(GeneratorOptions options, TextWriter abstractsCsv, TextWriter truthCsv)
    {
        _options = options;
        _rng = Prng.Derive(options.Seed, 1);
        _roster = new FacilityRoster(options.Facilities, Prng.Derive(options.Seed, 2));
        _errors = new ErrorInjector(Prng.Derive(options.Seed, 3), options.ErrorRate);
        _pool = new PatientPool(Math.Clamp((options.Abstracts / 3) + 64, 64, 4_000_000));
        _abstracts = new AbstractCsvWriter(abstractsCsv);
        _truth = new TruthCsvWriter(truthCsv);
        _sequences = new int[options.Facilities * options.FiscalYears];
        _firstDay = Calendar.FirstDay(options.FirstFiscalYear);
        _lastDay = Calendar.LastDay(options.FirstFiscalYear + options.FiscalYears - 1);
        var tagRng = Prng.Derive(options.Seed, 4);
        _stay.ExtractTag = string.Concat((char)('A' + tagRng.Next(26)), (char)('A' + tagRng.Next(26)), (char)('A' + tagRng.Next(26)));
    }

    public GeneratorResult Run()
    {
        _abstracts.WriteHeader();
        _truth.WriteHeader();
        var total = _options.Abstracts;
        if (total > 0)
        {
            var dayCount = _lastDay - _firstDay + 1;
            var weights = new double[dayCount];
            var sum = 0.0;
            for (var d = 0; d < dayCount; d++)
            {
                var date = DateOnly.FromDayNumber(_firstDay + d);
                weights[d] = _selector.DayWeight(date.Month, IsWeekend(date));
                sum += weights[d];
            }

            var cumulative = 0.0;
            for (var d = 0; d < dayCount && _emitted < total; d++)
            {
                var day = _firstDay + d;
                var date = DateOnly.FromDayNumber(day);
                cumulative += weights[d];
                var target = d == dayCount - 1 ? total : (int)Math.Round(total * (cumulative / sum));
                while (_emitted < total && _pending.TryPeek(out var next, out _) && next.Day <= day)
                    Process(_pending.Dequeue());
                while (_emitted < target)
                    AdmitNew(day, date.Month, IsWeekend(date));
            }
        }
        return new GeneratorResult(_emitted, _errors.Miscoded, _errors.CountsByType());
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private void AdmitNew(int day, int month, bool weekend)
    {
        // A delivery writes two abstracts (mother and newborn) and must end inside the period.
        var allowDelivery = _options.Abstracts - _emitted >= 2 && day <= _lastDay - 7;
        var profileIndex = _selector.Pick(_rng, month, weekend, allowDelivery);
        var profile = ProfileCatalog.Admissions[profileIndex];

        var slot = _rng.Chance(ReturningShare) ? _pool.FindReturning(_rng, profile, day) : -1;
        int facility;
        if (slot >= 0)
        {
            facility = _rng.Chance(HomeFacilityShare) ? _pool[slot].HomeFacility : _roster.PickBySize(_rng);
        }
        else
        {
            facility = _roster.PickBySize(_rng);
            slot = NewPatient(profile, facility, day);
        }
        Build(new ScheduledStay(StayKind.Index, slot, _pool[slot].Id, day, -1, (short)profileIndex, -1, (short)facility, -1));
    }

    private void Process(ScheduledStay stay)
    {
        ref var patient = ref _pool[stay.Slot];
        if (patient.Id != stay.PatientId || patient.Dead)
            return;
        Build(stay);
    }

    private int NewPatient(ClinicalProfile profile, int facility, int day)
    {
        var slot = _pool.Add(_rng, day);
        ref var p = ref _pool[slot];
        p.Sex = _rng.Chance(profile.FemaleShare) ? 'F' : 'M';
        var age = profile.Age.Sample(_rng);
        p.BirthDay = Calendar.BirthDayFor(age, day, _rng);
        var home = _roster.Facilities[facility];
        // The teaching hospital draws referrals from the whole province.
        var local = home.IsCentre ? 0.65 : 0.82;
        p.Region = (byte)(_rng.Chance(local) ? home.Region : PickRegion());
        p.Fsa = (byte)_rng.Next(Geography.Fsas[p.Region].Length);
        p.Ldu = (short)_rng.Next(Geography.LduCount);
        p.HomeFacility = (short)facility;
        p.Chronic = ChronicCoding.Sample(_rng, age);
        p.BusyUntil = day - 1;
        return slot;
    }

    private static readonly WeightedIndex Regions = new(Geography.RegionWeights);

    private int PickRegion() => Regions.Pick(_rng);

    private void Schedule(ScheduledStay stay)
    {
        _pool[stay.Slot].BusyUntil = stay.Day;
        _pending.Enqueue(stay, ((long)stay.Day << 32) | (_scheduled++ & 0xFFFF_FFFFL));
    }

    /// <summary>Miscodes (perhaps) and writes the abstract with its audit outcome.</summary>
    private void Emit(StayRecord s)
    {
        s.SortInterventions();
        s.SaveTrueCoding();
        var error = _errors.MaybeInject(s);
        _abstracts.Write(s);
        _truth.Write(s, error);
        _emitted++;
    }

    /// <summary>Coder, coding turnaround and the facility's abstract number.</summary>
    private void AssignAbstract(StayRecord s)
    {
        var facility = s.Facility;
        s.Coder = _rng.Next(facility.CoderIds.Length);
        var turnaround = (int)Math.Round(_rng.LogNormal(facility.CoderTurnaround[s.Coder], 0.6));
        s.CompletedDay = s.DischargeDay + Math.Clamp(turnaround, 1, 365);
        s.FiscalYear = Calendar.FiscalYear(s.DischargeDay);
        var index = (facility.Index * _options.FiscalYears) + (s.FiscalYear - _options.FirstFiscalYear);
        s.Sequence = ++_sequences[index];
    }
}
