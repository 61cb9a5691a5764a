-- one row per CCSR category (empty until a CCSR file is imported)
with source as (
    select * from reference.ccsr_categories
),
final as (
    select ccsr_category, description as ccsr_description, left(ccsr_category, 3) as ccsr_body_system
    from source
)
select * from final
