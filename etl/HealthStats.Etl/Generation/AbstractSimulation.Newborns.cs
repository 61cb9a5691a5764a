using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>The newborn's own abstract, written right after the mother's delivery (or, like hers, not at all).</summary>
internal sealed partial class AbstractSimulation
{
    private void BuildNewborn(StayRecord mother, StayRecord s)
    {
        var facility = mother.Facility;
        var birthDay = mother.DeliveryDay;
        var caesarean = mother.Profile.Kind == ProfileKind.CaesareanDelivery;

        var profile = ObstetricProfiles.Newborn;
        var slot = _pool.Add(_rng, birthDay);
        ref var baby = ref _pool[slot];
        baby.Sex = _rng.Chance(profile.FemaleShare) ? 'F' : 'M';
        baby.BirthDay = birthDay;
        baby.Region = (byte)mother.Region;
        baby.Fsa = (byte)mother.Fsa;
        baby.Ldu = (short)mother.Ldu;
        baby.HomeFacility = (short)facility.Index;

        s.ClearCoding();
        s.Profile = profile;
        s.Variant = profile.Variants[caesarean ? 1 : 0];
        s.Facility = facility;
        s.InstitutionFrom = null;
        s.InstitutionTo = null;
        s.AlcDays = 0;
        CopyPatient(s, ref baby);
        s.Age = 0;
        s.AdmitCategory = 'N';
        s.AdmitDay = birthDay;
        s.AdmitMinute = mother.DeliveryMinute;
        s.DischargeDay = mother.DischargeDay;

        s.TryAddDx(s.Variant.Code, 'M');
        AddDiagnoses(s, profile.Secondary);
        // Jaundice under phototherapy may keep the baby a day after the mother goes home.
        var extraDay = s.HasDx("P59.9") && _rng.Chance(0.4);
        if (extraDay)
            s.DischargeDay++;
        s.Disposition = profile.Dispositions.Pick(_rng, s.Sex)!;
        SetDischargeMinute(s, extraDay ? MinuteIn(DischargeHour) : mother.DischargeMinute);
        // Procedure days were drawn before a possible extra day; they stay within the stay either way.
        baby.BusyUntil = s.DischargeDay;
    }
}
