using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>
/// A bounded pool of synthetic patients from which returning patients are drawn. When it is full a
/// new patient takes the slot of one who is not in hospital (that patient "moves away").
/// </summary>
internal sealed class PatientPool
{
    private readonly Patient[] _slots;
    private int _count;
    private int _nextId = 1;

    public PatientPool(int capacity)
    {
        _slots = new Patient[capacity];
    }

    public int Count => _count;

    public ref Patient this[int slot] => ref _slots[slot];

    /// <summary>A slot for a new patient; the caller fills in everything but the id.</summary>
    public int Add(Prng rng, int today)
    {
        int slot;
        if (_count < _slots.Length)
        {
            slot = _count++;
        }
        else
        {
            slot = rng.Next(_count);
            for (var attempt = 0; attempt < 8 && !_slots[slot].Dead && _slots[slot].BusyUntil >= today; attempt++)
                slot = rng.Next(_count);
        }
        _slots[slot] = new Patient { Id = _nextId++ };
        return slot;
    }

    /// <summary>
    /// Days a patient stays out of the returning draw after a discharge: short gaps come from the
    /// readmissions scheduled at discharge, which are clinically related to the stay before.
    /// </summary>
    public const int MinimumGapDays = 14;

    /// <summary>A known patient who fits the profile and is free today, or -1.</summary>
    public int FindReturning(Prng rng, ClinicalProfile profile, int today)
    {
        if (_count == 0)
            return -1;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var slot = rng.Next(_count);
            ref var p = ref _slots[slot];
            if (p.Id == 0 || p.Dead || p.BusyUntil > today - MinimumGapDays)
                continue;
            if (!SexFits(profile, p.Sex))
                continue;
            if (profile.Age.Fits(Calendar.AgeAt(p.BirthDay, today)))
                return slot;
        }
        return -1;
    }

    public static bool SexFits(ClinicalProfile profile, char sex) =>
        profile.FemaleShare switch
        {
            >= 1.0 => sex == 'F',
            <= 0.0 => sex == 'M',
            _ => true,
        };
}
