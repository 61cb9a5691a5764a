-- one row per intervention code known to any classification version: its title from the newest
-- version that has it (imported versions before the built-in starter); a code that a version's addenda deleted,
-- and no version holds, is known by the title the addenda give it
with codes as (
    select c.*, v.version, v.effective_from, v.builtin, false as from_addenda
    from reference.classification_codes c
    join reference.classification_versions v using (version_id)
    where v.kind = 'intervention'
),
addenda as (
    select
        v.version_id, a.code, a.title, a.billable, a.chapter, a.chapter_title, a.block, a.block_title, a.category,
        v.version || ' before ' || strftime(v.effective_from, '%Y-%m-%d') as version,
        cast(v.effective_from - interval 1 year as date) as effective_from, v.builtin, true as from_addenda
    from reference.classification_addenda a
    join reference.classification_addenda_imports using (version_id)
    join reference.classification_versions v using (version_id)
    where v.kind = 'intervention' and a.change in ('delete', 'revise_from')
),
known as (
    select * from codes
    union all by name
    select * from addenda
),
newest as (
    select *
    from known
    qualify row_number() over (partition by code order by builtin, from_addenda, effective_from desc, version_id desc) = 1
),
final as (
    select code, title, billable, chapter, chapter_title, block, block_title, version
    from newest
)
select * from final
