-- one row per CCSR category of the imported CCSR file (none before an import)
with categories as (
    select * from staging.stg_ccsr_categories
),
final as (
    select ccsr_category, ccsr_description, ccsr_body_system
    from categories
)
select * from final
