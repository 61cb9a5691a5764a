using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>The newborn's own abstract, written right after the mother's delivery.</summary>
internal sealed partial class AbstractSimulation
{
    private void BuildNewborn(StayRecord mother)
    {
        // Everything the baby takes from the mother's stay, read before the record is reused.
        var facility = mother.Facility;
        var birthDay = mother.DeliveryDay;
        var birthMinute = mother.DeliveryMinute;
        var motherDischargeDay = mother.DischargeDay;
        var motherDischargeMinute = mother.DischargeMinute;
        var caesarean = mother.Profile.Kind == ProfileKind.CaesareanDelivery;
        var region = mother.Region;
        var fsa = mother.Fsa;
        var ldu = mother.Ldu;

        var profile = ObstetricProfiles.Newborn;
        var slot = _pool.Add(_rng, birthDay);
        ref var baby = ref _pool[slot];
        baby.Sex = _rng.Chance(profile.FemaleShare) ? 'F' : 'M';
        baby.BirthDay = birthDay;
        baby.Region = (byte)region;
        baby.Fsa = (byte)fsa;
        baby.Ldu = (short)ldu;
        baby.HomeFacility = (short)facility.Index;

        var s = _stay;
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
        s.AdmitMinute = birthMinute;
        s.DischargeDay = motherDischargeDay;

        s.TryAddDx(s.Variant.Code, 'M');
        AddDiagnoses(s, profile.Secondary);
        // Jaundice under phototherapy may keep the baby a day after the mother goes home.
        var extraDay = s.HasDx("P59.9") && s.DischargeDay < _lastDay && _rng.Chance(0.4);
        if (extraDay)
            s.DischargeDay++;
        s.Disposition = profile.Dispositions.Pick(_rng, s.Sex)!;
        SetDischargeMinute(s, extraDay ? MinuteIn(DischargeHour) : motherDischargeMinute);
        // Procedure days were drawn before a possible extra day; they stay within the stay either way.
        AssignAbstract(s);
        baby.BusyUntil = s.DischargeDay;
        Emit(s);
    }
}
