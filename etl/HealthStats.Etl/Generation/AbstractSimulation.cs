using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>
/// Walks the calendar day by day, admitting the day's share of stays from the seasonal case mix and
/// the stays scheduled by earlier discharges (transfers, readmissions). Each abstract is written as soon
/// as it is built; only the bounded patient pool and the pending stays are held in memory.
/// </summary>
/// <remarks>
/// The hospitals are already running when the period opens: admissions start <see cref="BurnInDays"/>
/// days before it, so the first month has its stays admitted in the months before, and a stay that would
/// end after the period is not written (its discharge belongs to a later fiscal year). Only stays
/// discharged inside the period are written, so no stay is cut short at either end.
/// </remarks>
internal sealed partial class AbstractSimulation
{
    /// <summary>Share of index admissions that go to a known patient when one fits.</summary>
    private const double ReturningShare = 0.3;

    /// <summary>Share of a known patient's admissions at their usual hospital.</summary>
    private const double HomeFacilityShare = 0.85;

    /// <summary>Share of transferred-in patients sent back to the community hospital after care at the centre.</summary>
    private const double RepatriationShare = 0.3;

    /// <summary>
    /// Days admitted before the period so that it opens on a full hospital: longer than nearly every
    /// stay (a stay longer than this, admitted before the burn-in, is the only one missing from the
    /// first month) and than most gaps before a readmission.
    /// </summary>
    private const int BurnInDays = 120;

    /// <summary>Stays are counted by length in days up to this; longer ones (none are drawn) share the last count.</summary>
    private const int LongestCountedStay = 511;

    /// <summary>
    /// Stays admitted on the last day per abstract still owed before giving up: about one stay in a
    /// hundred ends the day it starts, so this is never reached with the catalog's case mix.
    /// </summary>
    private const int LastDayStaysPerAbstract = 100_000;

    private readonly GeneratorOptions _options;
    private readonly Prng _rng;
    private readonly FacilityRoster _roster;
    private readonly PatientPool _pool;
    private readonly ErrorInjector _errors;
    private readonly IAbstractWriter _abstracts;
    private readonly TruthCsvWriter _truth;
    private readonly ProfileSelector _selector = new();
    private readonly PriorityQueue<ScheduledStay, long> _pending = new();
    private readonly StayRecord _stay = new();
    private readonly StayRecord _newborn = new();
    private readonly int[] _sequences;
    private readonly int _firstDay;
    private readonly int _lastDay;
    private readonly long[] _staysByLength = new long[LongestCountedStay + 1];
    private int _longestStay;
    private long _built;
    private int _emitted;
    private long _scheduled;

    public AbstractSimulation(GeneratorOptions options, TextWriter abstractsCsv, TextWriter truthCsv)
    {
        _options = options;
        _rng = Prng.Derive(options.Seed, 1);
        _roster = new FacilityRoster(options.Facilities, Prng.Derive(options.Seed, 2));
        _errors = new ErrorInjector(Prng.Derive(options.Seed, 3), options.ErrorRate);
        _pool = new PatientPool(Math.Clamp((options.Abstracts / 3) + 64, 64, 4_000_000));
        _abstracts = AbstractFormats.Writer(options.Format, abstractsCsv);
        _truth = new TruthCsvWriter(truthCsv);
        _sequences = new int[options.Facilities * options.FiscalYears];
        _firstDay = Calendar.FirstDay(options.FirstFiscalYear);
        _lastDay = Calendar.LastDay(options.FirstFiscalYear + options.FiscalYears - 1);
        var tagRng = Prng.Derive(options.Seed, 4);
        _stay.ExtractTag = string.Concat((char)('A' + tagRng.Next(26)), (char)('A' + tagRng.Next(26)), (char)('A' + tagRng.Next(26)));
        _newborn.ExtractTag = _stay.ExtractTag;
    }

    public GeneratorResult Run()
    {
        _abstracts.WriteHeader();
        _truth.WriteHeader();
        if (_options.Abstracts > 0)
            Simulate(_options.Abstracts);
        return new GeneratorResult(_emitted, _errors.Miscoded, _errors.CountsByType());
    }

    /// <summary>
    /// Admits each day stays in proportion to the day's seasonal weight, from the burn-in on. The scale
    /// (stays per unit of weight) is set each day so that the stays still to come, less those expected
    /// to end after the period, write the abstracts still owed. It is flat until the last few days,
    /// where chance moves it, and on the last day stays are admitted until the count is exact (only
    /// same-day stays can still be written then). Discharges per day therefore follow admissions, one
    /// stay length later, at both ends of the period as in its middle.
    /// </summary>
    private void Simulate(int total)
    {
        var startDay = _firstDay - BurnInDays;
        var dayCount = _lastDay - startDay + 1;
        var weights = new double[dayCount];
        // remaining[d]: the weight of day d and every day after it.
        var remaining = new double[dayCount + 1];
        for (var d = 0; d < dayCount; d++)
        {
            var date = DateOnly.FromDayNumber(startDay + d);
            weights[d] = _selector.DayWeight(date.Month, IsWeekend(date));
        }
        for (var d = dayCount - 1; d >= 0; d--)
            remaining[d] = remaining[d + 1] + weights[d];

        // Before the period: as many stays a day as the period's first days will have.
        var burnInScale = total / remaining[BurnInDays];
        var planned = 0.0;
        for (var d = 0; d < dayCount && _emitted < total; d++)
        {
            var day = startDay + d;
            var date = DateOnly.FromDayNumber(day);
            var scale = day < _firstDay ? burnInScale : Scale(total - _emitted, weights, remaining[d], day - startDay);
            planned += scale * weights[d];
            var target = (long)Math.Round(planned);
            while (_emitted < total && _pending.TryPeek(out var next, out _) && next.Day <= day)
                Process(_pending.Dequeue());
            var lastDay = day == _lastDay;
            var limit = lastDay ? _built + (LastDayStaysPerAbstract * (total - _emitted + 1L)) : long.MaxValue;
            while (_emitted < total && (_built < target || lastDay))
            {
                AdmitNew(day, date.Month, IsWeekend(date));
                if (_built > limit)
                    throw new InvalidOperationException("The case mix gives no same-day stays to complete the last day.");
            }
        }
    }

    /// <summary>
    /// Stays per unit of day weight from <paramref name="dayIndex"/> on, for <paramref name="owed"/> more
    /// abstracts. A stay admitted k days before the last day is written if it lasts k days or fewer:
    /// the share of such stays is read from the lengths of all stays built so far.
    /// </summary>
    private double Scale(int owed, double[] weights, double remainingWeight, int dayIndex)
    {
        var horizon = Math.Min(weights.Length - 1 - dayIndex, _longestStay);
        var expected = remainingWeight;
        if (_built > 0)
        {
            var shorter = 0L;
            for (var k = 0; k <= horizon; k++)
            {
                shorter += _staysByLength[k];
                expected -= weights[weights.Length - 1 - k] * ((_built - shorter) / (double)_built);
            }
        }
        return expected > 0 ? owed / expected : 0;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private void AdmitNew(int day, int month, bool weekend)
    {
        // A delivery writes two abstracts (mother and newborn) or none.
        var allowDelivery = _options.Abstracts - _emitted >= 2;
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

    /// <summary>
    /// Counts a built stay (with the newborn of a delivery) and writes it if it was discharged inside
    /// the period and the abstracts still owed leave room for it; otherwise only its effects on the
    /// patient stay.
    /// </summary>
    private void Complete(StayRecord s, StayRecord? newborn)
    {
        // A newborn is written with its mother or not at all: both count as long as the pair's stay.
        var length = newborn is null ? s.DischargeDay - s.AdmitDay : Math.Max(s.DischargeDay, newborn.DischargeDay) - s.AdmitDay;
        CountStay(length);
        if (newborn is not null)
            CountStay(length);
        var size = newborn is null ? 1 : 2;
        if (!InPeriod(s.DischargeDay) || (newborn is not null && !InPeriod(newborn.DischargeDay)) || _emitted + size > _options.Abstracts)
            return;
        Emit(s);
        if (newborn is not null)
            Emit(newborn);
    }

    private void CountStay(int length)
    {
        length = Math.Min(length, LongestCountedStay);
        _staysByLength[length]++;
        _longestStay = Math.Max(_longestStay, length);
        _built++;
    }

    private bool InPeriod(int day) => day >= _firstDay && day <= _lastDay;

    /// <summary>Miscodes (perhaps) and writes the abstract with its audit outcome.</summary>
    private void Emit(StayRecord s)
    {
        AssignAbstract(s);
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
