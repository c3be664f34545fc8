namespace Mamori.Core.Data;

/// <summary>A row that belongs to one municipality (団体). Queries see only the current municipality's rows.</summary>
public interface IMunicipalityOwned
{
    /// <summary>The owning municipality.</summary>
    [Label("団体")]
    Guid MunicipalityId { get; set; }
}

/// <summary>A row that belongs to one department (所管課). A 所管課 user sees and changes only its own.</summary>
public interface IDepartmentOwned
{
    /// <summary>The owning department.</summary>
    Guid DepartmentId { get; }
}

/// <summary>A record people edit; <see cref="Version"/> changes on every save so that concurrent edits are caught.</summary>
public interface IVersioned
{
    /// <summary>The optimistic-concurrency token.</summary>
    Guid Version { get; set; }
}

/// <summary>A write that would cross a municipality or department boundary. Answered as "not found".</summary>
public sealed class ScopeViolationException(string message) : Exception(message);
