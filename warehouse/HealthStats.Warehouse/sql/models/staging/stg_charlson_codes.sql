-- one row per Charlson condition and ICD-10 code prefix (Quan 2005; seeds/charlson_quan2005.csv)
with source as (
    select * from seeds.charlson_quan2005
),
final as (
    select condition, upper(code_prefix) as code_prefix
    from source
)
select * from final
