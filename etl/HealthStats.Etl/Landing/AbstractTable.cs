namespace HealthStats.Etl.Landing;

/// <summary>The lake's abstracts table: one row per landed abstract version, de-identified.</summary>
internal sealed class AbstractTable
{
    private readonly StringColumn batchId = new("batch_id");
    private readonly ValueColumn<long> sourceLine = new("source_line");
    private readonly StringColumn facilityId = new("facility_id");
    private readonly StringColumn abstractId = new("abstract_id");
    private readonly StringColumn patientKey = new("patient_key");
    private readonly StringColumn chartKey = new("chart_key");
    private readonly StringColumn sex = new("sex");
    private readonly ValueColumn<int> ageYears = new("age_years");
    private readonly StringColumn ageGroup = new("age_group");
    private readonly StringColumn fsa = new("fsa");
    private readonly StringColumn residenceRegion = new("residence_region");
    private readonly ValueColumn<DateOnly> admitDate = new("admit_date");
    private readonly StringColumn admitTime = new("admit_time");
    private readonly ValueColumn<DateOnly> dischargeDate = new("discharge_date");
    private readonly StringColumn dischargeTime = new("discharge_time");
    private readonly ValueColumn<int> losDays = new("los_days");
    private readonly StringColumn admitCategory = new("admit_category");
    private readonly StringColumn dischargeDisposition = new("discharge_disposition");
    private readonly StringColumn institutionFrom = new("institution_from");
    private readonly StringColumn institutionTo = new("institution_to");
    private readonly ValueColumn<int> alcDays = new("alc_days");
    private readonly StringColumn coderId = new("coder_id");
    private readonly NullableColumn<DateOnly> abstractCompletedDate = new("abstract_completed_date");
    private readonly StringColumn mrdxCode = new("mrdx_code");
    private readonly StringColumn mrdxChapter = new("mrdx_chapter");
    private readonly StringColumn mrdxBlock = new("mrdx_block");
    private readonly ValueColumn<int> diagnosisCount = new("diagnosis_count");
    private readonly ValueColumn<int> interventionCount = new("intervention_count");

    public AbstractTable(string path)
    {
        Writer = new ParquetTableWriter(path,
        [
            batchId, sourceLine, facilityId, abstractId, patientKey, chartKey, sex, ageYears, ageGroup, fsa,
            residenceRegion, admitDate, admitTime, dischargeDate, dischargeTime, losDays, admitCategory,
            dischargeDisposition, institutionFrom, institutionTo, alcDays, coderId, abstractCompletedDate,
            mrdxCode, mrdxChapter, mrdxBlock, diagnosisCount, interventionCount,
        ]);
    }

    public ParquetTableWriter Writer { get; }

    public ValueTask AddAsync(string batch, LandedAbstract row, int diagnoses, int interventions, CancellationToken cancellationToken)
    {
        batchId.Add(batch);
        sourceLine.Add(row.SourceLine);
        facilityId.Add(row.FacilityId);
        abstractId.Add(row.AbstractId);
        patientKey.Add(row.PatientKey);
        chartKey.Add(row.ChartKey);
        sex.Add(row.Sex);
        ageYears.Add(row.AgeYears);
        ageGroup.Add(row.AgeGroup);
        fsa.Add(row.Fsa);
        residenceRegion.Add(row.ResidenceRegion);
        admitDate.Add(row.AdmitDate);
        admitTime.Add(row.AdmitTime);
        dischargeDate.Add(row.DischargeDate);
        dischargeTime.Add(row.DischargeTime);
        losDays.Add(row.LosDays);
        admitCategory.Add(row.AdmitCategory);
        dischargeDisposition.Add(row.DischargeDisposition);
        institutionFrom.Add(row.InstitutionFrom);
        institutionTo.Add(row.InstitutionTo);
        alcDays.Add(row.AlcDays);
        coderId.Add(row.CoderId);
        abstractCompletedDate.Add(row.AbstractCompletedDate);
        mrdxCode.Add(row.MrdxCode);
        mrdxChapter.Add(row.MrdxChapter);
        mrdxBlock.Add(row.MrdxBlock);
        diagnosisCount.Add(diagnoses);
        interventionCount.Add(interventions);
        return Writer.EndRowAsync(cancellationToken);
    }
}
