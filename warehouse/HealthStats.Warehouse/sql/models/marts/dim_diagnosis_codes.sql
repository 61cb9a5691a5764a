-- one row per diagnosis code known to any classification version: its title from the newest
-- version that has it (imported versions before the built-in starter)
with codes as (
    select c.*, v.version, v.effective_from, v.builtin
    from reference.classification_codes c
    join reference.classification_versions v using (version_id)
    where v.kind = 'diagnosis'
),
newest as (
    select *
    from codes
    qualify row_number() over (partition by code order by builtin, effective_from desc, version_id desc) = 1
),
final as (
    select code, title, billable, category, chapter, chapter_title, block, block_title, version
    from newest
)
select * from final
