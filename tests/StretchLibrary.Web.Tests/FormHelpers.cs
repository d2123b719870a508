using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace StretchLibrary.Web.Tests;

/// <summary>Submits real HTML forms the way a browser would, antiforgery token included.</summary>
public static class FormHelpers
{
    public static IHtmlFormElement Form(this IDocument document, string selector) =>
        document.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form matches '{selector}' on {document.Url}");

    /// <summary>
    /// Submits <paramref name="form"/> (a GET or a POST, as the form says) with its current field values, after replacing those named in
    /// <paramref name="values"/> (a string[] value sets a multi-valued field; null removes it).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, object?>? values = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value ?? "on"));
                    }

                    break;
                case IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button"):
                    fields.Add(new(input.Name!, input.Value ?? ""));
                    break;
                case IHtmlTextAreaElement { Name.Length: > 0 } area:
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement { Name.Length: > 0 } select:
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, object?>())
        {
            fields.RemoveAll(f => f.Key == name);
            switch (value)
            {
                case string[] many:
                    fields.AddRange(many.Select(v => new KeyValuePair<string, string>(name, v)));
                    break;
                case not null:
                    fields.Add(new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!));
                    break;
            }
        }

        using var content = new FormUrlEncodedContent(fields);
        // Resolve the action against the page's address as a browser would (an empty action posts back to the page).
        var action = new Uri(new Uri(form.Owner!.Url), form.GetAttribute("action") ?? "");
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            // A GET form replaces the action's query with its fields.
            return await client.GetAsync(new UriBuilder(action) { Query = await content.ReadAsStringAsync() }.Uri);
        }

        return await client.PostAsync(action, content);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, params (string Name, object? Value)[] values) =>
        await client.SubmitAsync(form, values.ToDictionary(v => v.Name, v => v.Value));
}
