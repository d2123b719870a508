using System.Globalization;
using System.Text.Json;
using Microsoft.OpenApi;

namespace StretchLibrary.Web.Tests.Api;

/// <summary>
/// The app's own OpenAPI document, read with Microsoft.OpenApi, and a check of one response against it: the
/// operation exists for the path and method, the status code is documented, and a JSON body matches the schema
/// documented for that status (types, required and undeclared properties, enums, formats), recursively.
/// </summary>
public sealed class ApiContract
{
    private readonly OpenApiDocument _document;

    private ApiContract(OpenApiDocument document) => _document = document;

    public static async Task<ApiContract> LoadAsync(HttpClient client)
    {
        var json = await client.GetStringAsync("/openapi/v1.json");
        var (document, diagnostic) = OpenApiDocument.Parse(json, "json");
        Assert.True(diagnostic is null || diagnostic.Errors.Count == 0, "The OpenAPI document has errors: " + string.Join("; ", diagnostic?.Errors.Select(e => e.ToString()) ?? []));
        Assert.NotNull(document);
        return new ApiContract(document);
    }

    public OpenApiDocument Document => _document;

    /// <summary>Problems with this response, empty when it matches the document.</summary>
    public IReadOnlyList<string> Check(HttpMethod method, string path, int status, string? mediaType, string body)
    {
        var problems = new List<string>();
        var operation = FindOperation(method, path);
        if (operation is null)
        {
            return [$"{method} {path}: no such operation in the document"];
        }

        if (status == 304)
        {
            return [];
        }

        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses is null || !operation.Responses.TryGetValue(key, out var response))
        {
            return [$"{method} {path}: status {status} is not documented (documented: {string.Join(", ", operation.Responses?.Keys.ToArray() ?? [])})"];
        }

        if (body.Length == 0)
        {
            return response.Content is { Count: > 0 } ? [$"{method} {path} {status}: empty body, documented {string.Join(", ", response.Content.Keys)}"] : [];
        }

        if (response.Content is null || mediaType is null || !response.Content.TryGetValue(mediaType, out var content))
        {
            return [$"{method} {path} {status}: media type {mediaType} is not documented (documented: {string.Join(", ", response.Content?.Keys ?? [])})"];
        }

        using var json = JsonDocument.Parse(body);
        Validate(content.Schema!, json.RootElement, "$", problems);
        return [.. problems.Select(p => $"{method} {path} {status}: {p}")];
    }

    private OpenApiOperation? FindOperation(HttpMethod method, string path)
    {
        var segments = path.Trim('/').Split('/');
        foreach (var (template, item) in _document.Paths)
        {
            var parts = template.Trim('/').Split('/');
            if (parts.Length == segments.Length && parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second)
                && item.Operations?.TryGetValue(method, out var operation) == true)
            {
                return operation;
            }
        }

        return null;
    }

    private static void Validate(IOpenApiSchema schema, JsonElement value, string at, List<string> problems)
    {
        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            var options = (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).ToList();
            var matches = options.Count(o => Errors(o, value, at).Count == 0);
            if (matches == 0)
            {
                problems.Add($"{at}: matches none of {options.Count} alternatives ({string.Join(" | ", options.SelectMany(o => Errors(o, value, at)).Take(3))})");
            }

            return;
        }

        foreach (var part in schema.AllOf ?? [])
        {
            Validate(part, value, at, problems);
        }

        if (schema.Type is { } type && !TypeAllows(type, value))
        {
            problems.Add($"{at}: {value.ValueKind} where the schema says {type}");
            return;
        }

        if (schema.Enum is { Count: > 0 } values && !values.Any(v => v?.ToJsonString() == value.GetRawText()))
        {
            problems.Add($"{at}: {value.GetRawText()} is not one of {string.Join(", ", values.Select(v => v?.ToJsonString()))}");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            var ok = schema.Format switch
            {
                "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                _ => true,
            };
            if (!ok)
            {
                problems.Add($"{at}: '{text}' is not a {schema.Format}");
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var required in schema.Required ?? new HashSet<string>())
            {
                if (!value.TryGetProperty(required, out _))
                {
                    problems.Add($"{at}: required property '{required}' is missing");
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (schema.Properties?.TryGetValue(property.Name, out var propertySchema) == true)
                {
                    Validate(propertySchema, property.Value, $"{at}.{property.Name}", problems);
                }
                else if (schema.AdditionalProperties is { } additional)
                {
                    Validate(additional, property.Value, $"{at}.{property.Name}", problems);
                }
                else if (schema.Properties is { Count: > 0 } && !IsProblemDetails(schema))
                {
                    problems.Add($"{at}: property '{property.Name}' is not in the schema");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.Items is { } items)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(items, item, $"{at}[{index++}]", problems);
            }
        }
    }

    private static List<string> Errors(IOpenApiSchema schema, JsonElement value, string at)
    {
        var problems = new List<string>();
        Validate(schema, value, at, problems);
        return problems;
    }

    // RFC 9457 allows extension members (e.g. traceId) beside the documented ones.
    private static bool IsProblemDetails(IOpenApiSchema schema) =>
        schema.Properties!.ContainsKey("title") && schema.Properties.ContainsKey("status") && schema.Properties.ContainsKey("detail");

    private static bool TypeAllows(JsonSchemaType type, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => type.HasFlag(JsonSchemaType.Null),
        JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
        JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
        JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number) || (type.HasFlag(JsonSchemaType.Integer) && value.TryGetInt64(out _)),
        JsonValueKind.Object => type.HasFlag(JsonSchemaType.Object),
        JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
        _ => false,
    };
}

/// <summary>
/// Checks every response that passes through it against <see cref="ApiContract"/>, so no API call in the tests
/// can drift from the document unnoticed; problems fail the request with an exception naming them.
/// </summary>
public sealed class ContractCheckingHandler(Func<ApiContract> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri!.AbsolutePath.StartsWith("/api/v1/", StringComparison.Ordinal) && request.Method != HttpMethod.Options)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var problems = contract().Check(request.Method, request.RequestUri.AbsolutePath, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
            if (problems.Count > 0)
            {
                throw new Xunit.Sdk.XunitException("Response does not match the OpenAPI document:\n" + string.Join("\n", problems) + "\nBody: " + body[..Math.Min(body.Length, 2000)]);
            }
        }

        return response;
    }
}
