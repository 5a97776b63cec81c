namespace ClaimTrace;

/// <summary>
/// The WHERE clause of a listing and the parameters it binds, built together so a condition and its value cannot
/// drift apart. Only fixed SQL fragments go into conditions; what the user typed travels as a parameter.
/// </summary>
internal sealed class SqlFilter
{
    private readonly List<string> _conditions = [];
    private readonly List<string> _names = [];
    private readonly List<object?> _values = [];

    /// <summary>A condition with no parameter of its own.</summary>
    public void Where(string condition) => _conditions.Add(condition);

    /// <summary>A condition and the one parameter it uses.</summary>
    public void Where(string condition, string name, object? value)
    {
        _conditions.Add(condition);
        Bind(name, value);
    }

    /// <summary>A parameter used outside the conditions (a subquery's, LIMIT and OFFSET).</summary>
    public void Bind(string name, object? value)
    {
        _names.Add(name);
        _values.Add(value);
    }

    /// <summary>"WHERE a AND b", or nothing when there is no condition.</summary>
    public string Clause => _conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _conditions);

    public string[] Names => [.. _names];

    public object?[] Values => [.. _values];
}
