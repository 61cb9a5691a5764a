using HealthStats.Etl.Ingest.Validation;
using HealthStats.Warehouse.Classification;
using HealthStats.Warehouse.CodeEdits;
using HealthStats.Warehouse.Reference;
using HealthStats.Warehouse.Storage;

namespace HealthStats.Etl.Ingest;

/// <summary>
/// What landing reads from the warehouse, read in one go, so that a worker can close the warehouse
/// (and let another worker in) while it validates and lands a file.
/// </summary>
internal sealed record LandingReferences(CodeLists CodeLists, ClassificationSnapshot Classification, CodeEditSnapshot Edits, DeathRegister Deaths)
{
    public static LandingReferences Load(WarehouseDatabase database)
    {
        CodeLists codeLists;
        using (var connection = database.OpenConnection())
            codeLists = CodeLists.Load(connection);
        return new LandingReferences(codeLists, new ClassificationStore(database).LoadSnapshot(),
            new CodeEditStore(database).LoadSnapshot(), DeathRegister.Load(database));
    }
}
