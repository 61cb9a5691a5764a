using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>Building one stay: dates and times, coding, disposition, and what it schedules next.</summary>
internal sealed partial class AbstractSimulation
{
    private const int MinutesPerDay = 1440;

    /// <summary>Emergency admissions by hour of day: quiet at night, busiest from late morning to evening.</summary>
    private static readonly WeightedIndex UrgentAdmitHour = new(
        2, 1.5, 1.2, 1, 1, 1, 1.5, 2.5, 4, 5, 6, 6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 6, 5.5, 5, 4.5, 4, 3.5, 2.5);

    /// <summary>Discharges by hour of day: after morning rounds.</summary>
    private static readonly WeightedIndex DischargeHour = new(
        0, 0, 0, 0, 0, 0, 0, 0.2, 0.5, 2, 5, 7, 7, 5, 4, 3, 2, 1, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05);

    private static readonly CodePick AfterAlternateLevelOfCare = new(("02", 65), ("04", 25), ("05", 10));

    private void Build(ScheduledStay request)
    {
        var profile = ProfileCatalog.Admissions[request.Profile];
        ref var patient = ref _pool[request.Slot];
        var facility = _roster.Facilities[request.Facility];
        var s = _stay;
        s.ClearCoding();
        s.Profile = profile;
        s.Facility = facility;
        s.InstitutionFrom = request.FromFacility >= 0 ? _roster.Facilities[request.FromFacility] : null;
        s.InstitutionTo = null;
        s.AlcDays = 0;
        CopyPatient(s, ref patient);
        s.AdmitDay = request.Day;
        s.Age = Calendar.AgeAt(patient.BirthDay, request.Day);

        var variantIndex = request.Variant >= 0 ? request.Variant : PickVariant(profile, s.Age, request.Day);
        var variant = profile.Variants[variantIndex];
        s.Variant = variant;
        s.AdmitCategory = request.Kind == StayKind.Index ? variant.AdmitCategory : 'U';
        s.AdmitMinute = request.Minute >= 0 ? request.Minute
            : s.AdmitCategory == 'L' ? _rng.Between(6 * 60, (10 * 60) - 1)
            : MinuteIn(UrgentAdmitHour);

        var transferOut = request.Kind is StayKind.Index or StayKind.Readmission
            && _roster.Count > 1 && !facility.IsCentre && profile.TransferOutRate > 0 && _rng.Chance(profile.TransferOutRate);

        if (profile.IsDelivery)
        {
            SetDeliveryTimes(s, profile, variant);
        }
        else
        {
            int los;
            if (transferOut)
            {
                los = _rng.Between(0, 1);
            }
            else if (request.Kind == StayKind.Repatriation)
            {
                los = _rng.Between(1, 4);
            }
            else
            {
                los = profile.Stay.Sample(_rng);
                if (profile.AlcRate > 0 && s.Age >= 70 && los >= 4 && _rng.Chance(profile.AlcRate))
                {
                    s.AlcDays = Math.Clamp((int)Math.Round(_rng.LogNormal(6, 0.8)), 1, 90);
                    los += s.AlcDays;
                }
            }
            s.DischargeDay = s.AdmitDay + los;
        }

        // Disposition: transfer out, death, back to the community hospital, or one of the profile's.
        var died = false;
        var repatriate = false;
        if (transferOut)
        {
            s.Disposition = "01";
            s.InstitutionTo = _roster.Centre;
        }
        else if (profile.DeathRate > 0 && _rng.Chance(profile.DeathRate * DeathFactor(s.Age)))
        {
            s.Disposition = "07";
            died = true;
        }
        else if (request.Kind == StayKind.TransferIn && profile.AfterCentreCare.Length > 0 && s.InstitutionFrom is not null
            && _rng.Chance(RepatriationShare))
        {
            s.Disposition = "01";
            s.InstitutionTo = s.InstitutionFrom;
            repatriate = true;
        }
        else if (s.AlcDays > 0)
        {
            s.Disposition = AfterAlternateLevelOfCare.Pick(_rng, s.Sex)!;
        }
        else
        {
            s.Disposition = profile.Dispositions.Pick(_rng, s.Sex)!;
            if (s.Age >= 80 && s.Disposition == "05" && _rng.Chance(0.3))
                s.Disposition = "04";
        }

        var dischargeMinute = died || transferOut || repatriate ? _rng.Next(MinutesPerDay) : MinuteIn(DischargeHour);
        SetDischargeMinute(s, dischargeMinute);

        CodeDiagnoses(s, profile, variant, ref patient, request.Kind);
        AddProcedures(s, variant.Procedures, facility);
        AddProcedures(s, profile.Procedures, facility);

        patient.BusyUntil = s.DischargeDay;
        patient.Chronic |= profile.Implies | variant.Implies;
        if (died)
            patient.Dead = true;

        // What the discharge leads to: the next facility admits a transfer within hours.
        if (transferOut || repatriate)
        {
            var minute = s.DischargeMinute + _rng.Between(30, 240);
            var day = s.DischargeDay + (minute / MinutesPerDay);
            if (day <= _lastDay)
            {
                Schedule(new ScheduledStay(
                    transferOut ? StayKind.TransferIn : StayKind.Repatriation,
                    request.Slot,
                    patient.Id,
                    day,
                    minute % MinutesPerDay,
                    request.Profile,
                    (short)variantIndex,
                    (short)s.InstitutionTo!.Index,
                    (short)facility.Index));
            }
        }
        else if (!died && profile.ReadmitRate > 0 && _rng.Chance(profile.ReadmitRate * (s.Age >= 75 ? 1.2 : 1.0)))
        {
            ScheduleReadmission(s, request, variantIndex, ref patient);
        }

        if (profile.IsDelivery)
        {
            BuildNewborn(s, _newborn);
            Complete(s, _newborn);
        }
        else
        {
            Complete(s, null);
        }
    }

    private static void CopyPatient(StayRecord s, ref Patient p)
    {
        s.PatientId = p.Id;
        s.BirthDay = p.BirthDay;
        s.Sex = p.Sex;
        s.Region = p.Region;
        s.Fsa = p.Fsa;
        s.Ldu = p.Ldu;
    }

    private int PickVariant(ClinicalProfile profile, int age, int day)
    {
        var variants = profile.Variants;
        var weekend = IsWeekend(DateOnly.FromDayNumber(day));
        var chosen = 0;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var total = 0.0;
            foreach (var v in variants)
                total += v.Weight;
            var x = _rng.NextDouble() * total;
            chosen = variants.Length - 1;
            for (var i = 0; i < variants.Length; i++)
            {
                x -= variants[i].Weight;
                if (x < 0)
                {
                    chosen = i;
                    break;
                }
            }
            var variant = variants[chosen];
            var fits = age >= variant.MinAge && age <= variant.MaxAge;
            // Planned surgery is rarely booked on a weekend: try again once or twice.
            var planned = variant.AdmitCategory == 'L' && weekend && attempt < 2 && profile.ElectiveShare < 1;
            if (fits && !planned)
                return chosen;
        }
        return chosen;
    }

    /// <summary>Labour (or a booked caesarean), the delivery, and the postpartum days.</summary>
    private void SetDeliveryTimes(StayRecord s, ClinicalProfile profile, MrdxVariant variant)
    {
        int minutesToDelivery;
        if (variant.AdmitCategory == 'L')
            minutesToDelivery = _rng.Between(90, 300);
        else if (profile.Kind == ProfileKind.CaesareanDelivery)
            minutesToDelivery = (int)Math.Clamp(_rng.LogNormal(10 * 60, 0.5), 120, 36 * 60);
        else
            minutesToDelivery = (int)Math.Clamp(_rng.LogNormal(7 * 60, 0.5), 60, 30 * 60);
        var minute = s.AdmitMinute + minutesToDelivery;
        s.DeliveryDay = s.AdmitDay + (minute / MinutesPerDay);
        s.DeliveryMinute = minute % MinutesPerDay;
        s.DischargeDay = s.DeliveryDay + profile.Stay.Sample(_rng);
    }

    private void SetDischargeMinute(StayRecord s, int minute)
    {
        if (s.DischargeDay == s.AdmitDay && minute <= s.AdmitMinute)
        {
            if (s.AdmitMinute >= MinutesPerDay - 2)
                s.AdmitMinute = MinutesPerDay - 2;
            minute = s.AdmitMinute + _rng.Between(1, Math.Min(360, MinutesPerDay - 1 - s.AdmitMinute));
        }
        s.DischargeMinute = minute;
    }

    private static double DeathFactor(int age) => age switch
    {
        < 50 => 0.3,
        < 70 => 0.7,
        < 85 => 1.0,
        _ => 1.5,
    };

    private void CodeDiagnoses(StayRecord s, ClinicalProfile profile, MrdxVariant variant, ref Patient patient, StayKind kind)
    {
        s.TryAddDx(variant.Code, 'M');
        if (profile.PrimaryCancer is not null)
        {
            patient.Cancer ??= profile.PrimaryCancer.Pick(_rng, s.Sex);
            if (patient.Cancer is not null)
                s.TryAddDx(patient.Cancer, '1');
        }
        AddDiagnoses(s, variant.Secondary);
        AddDiagnoses(s, profile.Secondary);
        if (kind == StayKind.Repatriation)
            AddDiagnoses(s, profile.AfterCentreCare);
        // In pregnancy chronic conditions take chapter 15 codes (O10, O24, O99), not their own.
        if (!profile.IsDelivery)
            AddChronic(s, patient.Chronic | profile.Implies | variant.Implies);
    }

    private void AddDiagnoses(StayRecord s, DxOption[] options)
    {
        foreach (var option in options)
        {
            if ((option.OnlySex != CodePick.Anyone && option.OnlySex != s.Sex) || s.Age < option.MinAge || s.Age > option.MaxAge)
                continue;
            if (!_rng.Chance(option.Probability))
                continue;
            var code = option.Codes.Pick(_rng, s.Sex);
            if (code is not null && s.TryAddDx(code, option.Type))
                AddProcedures(s, option.Linked, s.Facility);
        }
    }

    /// <summary>The patient's chronic conditions, coded as a coder would combine them (most of the time).</summary>
    private void AddChronic(StayRecord s, ChronicCondition c)
    {
        if (c == ChronicCondition.None)
            return;
        if (Has(c, ChronicCondition.HeartFailure) && _rng.Chance(0.85))
            s.TryAddDx(ChronicCoding.HeartFailure, Type(0.6));
        if (Has(c, ChronicCondition.KidneyDisease) && _rng.Chance(0.85))
            s.TryAddDx(ChronicCoding.KidneyDisease, Type(0.4));
        var heartFailure = s.HasCategory('I', '5', '0');
        var kidneyDisease = s.HasCategory('N', '1', '8');
        var stage5 = s.HasDx("N18.6") || s.HasDx("N18.5");
        if (Has(c, ChronicCondition.Hypertension) && _rng.Chance(0.9))
        {
            var code = (heartFailure, kidneyDisease) switch
            {
                (true, true) => stage5 ? ChronicCoding.HypertensiveHeartAndKidneyDiseaseStage5 : ChronicCoding.HypertensiveHeartAndKidneyDisease,
                (true, false) => ChronicCoding.HypertensiveHeartDisease,
                (false, true) => stage5 ? ChronicCoding.HypertensiveKidneyDiseaseStage5 : ChronicCoding.HypertensiveKidneyDisease,
                _ => ChronicCoding.Hypertension,
            };
            s.TryAddDx(code, Type(0.25));
        }
        if (Has(c, ChronicCondition.DiabetesType1) && _rng.Chance(0.9))
        {
            s.TryAddDx(ChronicCoding.DiabetesType1, Type(0.5));
        }
        else if (Has(c, ChronicCondition.Diabetes) && _rng.Chance(0.9))
        {
            s.TryAddDx(kidneyDisease ? ChronicCoding.DiabetesWithKidneyDisease : ChronicCoding.Diabetes, Type(0.4));
            if (_rng.Chance(0.25))
                s.TryAddDx(ChronicCoding.Insulin, '3');
        }
        if (Has(c, ChronicCondition.Copd) && _rng.Chance(0.85))
            s.TryAddDx(ChronicCoding.Copd, Type(0.5));
        if (Has(c, ChronicCondition.AtrialFibrillation) && _rng.Chance(0.85) && s.TryAddDx(ChronicCoding.AtrialFibrillation, Type(0.5)) && _rng.Chance(0.6))
            s.TryAddDx(ChronicCoding.Anticoagulant, '3');
        if (Has(c, ChronicCondition.Dementia) && _rng.Chance(0.85))
            s.TryAddDx(ChronicCoding.Dementia, Type(0.4));
        if (Has(c, ChronicCondition.CoronaryDisease) && _rng.Chance(0.8))
            s.TryAddDx(ChronicCoding.CoronaryDisease, Type(0.3));
        if (Has(c, ChronicCondition.Smoker) && _rng.Chance(0.7))
            s.TryAddDx(ChronicCoding.Smoker, '3');
        else if (Has(c, ChronicCondition.FormerSmoker) && _rng.Chance(0.4))
            s.TryAddDx(ChronicCoding.FormerSmoker, '3');
        if (Has(c, ChronicCondition.Obesity) && _rng.Chance(0.6))
            s.TryAddDx(ChronicCoding.Obesity, '3');
    }

    private static bool Has(ChronicCondition set, ChronicCondition flag) => (set & flag) != 0;

    /// <summary>Type 1 (significant pre-admit comorbidity) with the given probability, else type 3.</summary>
    private char Type(double significant) => _rng.Chance(significant) ? '1' : '3';

    private void AddProcedures(StayRecord s, PxOption[] options, Facility facility)
    {
        foreach (var option in options)
        {
            if ((option.CentreOnly && !facility.IsCentre) || (option.OnlySex != CodePick.Anyone && option.OnlySex != s.Sex))
                continue;
            if (!_rng.Chance(option.Probability))
                continue;
            var code = option.Codes.Pick(_rng, s.Sex);
            if (code is not null)
                s.TryAddPx(code, ProcedureDay(s, option.Timing));
        }
    }

    private int ProcedureDay(StayRecord s, PxTiming timing)
    {
        var los = s.DischargeDay - s.AdmitDay;
        return timing switch
        {
            PxTiming.AdmitDay => s.AdmitDay,
            PxTiming.WithinOneDay => s.AdmitDay + _rng.Between(0, Math.Min(1, los)),
            PxTiming.WithinThreeDays => s.AdmitDay + _rng.Between(0, Math.Min(3, los)),
            PxTiming.DeliveryDay => s.Profile.IsDelivery ? s.DeliveryDay : s.AdmitDay,
            _ => s.AdmitDay + _rng.Between(0, los),
        };
    }

    private void ScheduleReadmission(StayRecord s, ScheduledStay request, int variantIndex, ref Patient patient)
    {
        var gap = Math.Clamp((int)Math.Round(_rng.LogNormal(16, 0.9)), 1, 365);
        var day = s.DischargeDay + gap;
        if (day > _lastDay)
            return;
        var profile = s.Profile;
        var next = request.Profile;
        if (profile.ReadmitAs.Length > 0 && (!profile.ReadmitSame || _rng.Chance(0.45)))
        {
            var other = ProfileCatalog.IndexOf(profile.ReadmitAs[_rng.Next(profile.ReadmitAs.Length)]);
            var candidate = ProfileCatalog.Admissions[other];
            var age = Calendar.AgeAt(patient.BirthDay, day);
            if (PatientPool.SexFits(candidate, patient.Sex) && age >= candidate.Age.Min && age <= candidate.Age.Max)
                next = (short)other;
            else if (!profile.ReadmitSame)
                return;
        }
        else if (!profile.ReadmitSame)
        {
            return;
        }
        var variant = next == request.Profile && _rng.Chance(0.5) ? (short)variantIndex : (short)-1;
        var facility = _rng.Chance(HomeFacilityShare) ? patient.HomeFacility : _roster.PickBySize(_rng);
        Schedule(new ScheduledStay(StayKind.Readmission, request.Slot, patient.Id, day, -1, next, variant, (short)facility, -1));
    }

    private int MinuteIn(WeightedIndex hours) => (hours.Pick(_rng) * 60) + _rng.Next(60);
}
