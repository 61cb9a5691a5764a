using HealthStats.Etl.Generation.Profiles;

namespace HealthStats.Etl.Generation;

/// <summary>
/// One abstract being built and written. Instances are reused from stay to stay so that the hot loop
/// allocates nothing; the true coding is kept beside the (possibly miscoded) written coding.
/// </summary>
internal sealed class StayRecord
{
    public const int MaxDiagnoses = 25;
    public const int MaxInterventions = 20;

    public readonly string[] DxCodes = new string[MaxDiagnoses];
    public readonly char[] DxTypes = new char[MaxDiagnoses];
    public int DxCount;

    public readonly string[] TrueDxCodes = new string[MaxDiagnoses];
    public readonly char[] TrueDxTypes = new char[MaxDiagnoses];
    public int TrueDxCount;

    public readonly string[] PxCodes = new string[MaxInterventions];
    public readonly int[] PxDays = new int[MaxInterventions];
    public int PxCount;

    public ClinicalProfile Profile = null!;
    public MrdxVariant Variant = null!;
    public Facility Facility = null!;
    public int FiscalYear;
    public int Sequence;

    /// <summary>Three letters from the seed, so that files made with different seeds never share abstract ids.</summary>
    public string ExtractTag = "AAA";

    public int PatientId;
    public int BirthDay;
    public char Sex;
    public int Region;
    public int Fsa;
    public int Ldu;
    public int Age;

    public int AdmitDay;
    public int AdmitMinute;
    public int DischargeDay;
    public int DischargeMinute;
    public int DeliveryDay;
    public int DeliveryMinute;
    public char AdmitCategory;
    public string Disposition = "05";
    public Facility? InstitutionFrom;
    public Facility? InstitutionTo;
    public int AlcDays;
    public int Coder;
    public int CompletedDay;

    public void ClearCoding()
    {
        DxCount = 0;
        PxCount = 0;
    }

    public bool HasDx(string code)
    {
        for (var i = 0; i < DxCount; i++)
        {
            if (ReferenceEquals(DxCodes[i], code) || DxCodes[i] == code)
                return true;
        }
        return false;
    }

    /// <summary>Whether a code of the same three-character category is already coded.</summary>
    public bool HasCategory(string code)
    {
        for (var i = 0; i < DxCount; i++)
        {
            var other = DxCodes[i];
            if (other[0] == code[0] && other[1] == code[1] && other[2] == code[2])
                return true;
        }
        return false;
    }

    public bool HasCategory(char a, char b, char c)
    {
        for (var i = 0; i < DxCount; i++)
        {
            var other = DxCodes[i];
            if (other[0] == a && other[1] == b && other[2] == c)
                return true;
        }
        return false;
    }

    public bool HasPx(string code)
    {
        for (var i = 0; i < PxCount; i++)
        {
            if (PxCodes[i] == code)
                return true;
        }
        return false;
    }

    /// <summary>Adds a diagnosis unless it or its category is already there or the abstract is full.</summary>
    public bool TryAddDx(string code, char type)
    {
        if (DxCount == MaxDiagnoses || HasCategory(code))
            return false;
        DxCodes[DxCount] = code;
        DxTypes[DxCount] = type;
        DxCount++;
        return true;
    }

    public bool TryAddPx(string code, int day)
    {
        if (PxCount == MaxInterventions || HasPx(code))
            return false;
        PxCodes[PxCount] = code;
        PxDays[PxCount] = day;
        PxCount++;
        return true;
    }

    /// <summary>Orders interventions by date (stable), as an abstract lists them.</summary>
    public void SortInterventions()
    {
        for (var i = 1; i < PxCount; i++)
        {
            var code = PxCodes[i];
            var day = PxDays[i];
            var j = i - 1;
            while (j >= 0 && PxDays[j] > day)
            {
                PxCodes[j + 1] = PxCodes[j];
                PxDays[j + 1] = PxDays[j];
                j--;
            }
            PxCodes[j + 1] = code;
            PxDays[j + 1] = day;
        }
    }

    public void SaveTrueCoding()
    {
        Array.Copy(DxCodes, TrueDxCodes, DxCount);
        Array.Copy(DxTypes, TrueDxTypes, DxCount);
        TrueDxCount = DxCount;
    }
}
