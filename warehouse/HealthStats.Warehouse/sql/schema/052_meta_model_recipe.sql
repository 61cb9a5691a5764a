-- the recipe the models were last built from (a hash of every model's statement): a warehouse whose
-- models an older release built is rebuilt whole, since a batch's rows cannot be added by name to a
-- model whose columns changed
create table if not exists meta.model_recipe (
    recipe_sha256 varchar not null
);
