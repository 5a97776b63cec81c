using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ClaimTrace.Web.E2E.Support;

/// <summary>
/// One browser context and its page, with what the page did besides rendering: dialogs it opened (none may, on
/// this site: a dialog is script running), errors thrown by its scripts, and console errors (a Content-Security-Policy
/// refusal shows up there). Dialogs are dismissed so a stray alert never hangs a test.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ConcurrentQueue<string> dialogs = new();
    private readonly ConcurrentQueue<string> errors = new();

    internal BrowserSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Dialog += (_, dialog) =>
        {
            dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) => errors.Enqueue("page error: " + error);
        page.Console += (_, message) =>
        {
            // The browser asks for /favicon.ico on its own; a site without one is not a page error.
            if (message.Type == "error" && !message.Location.Contains("favicon", StringComparison.Ordinal))
                errors.Enqueue("console error: " + message.Text);
        };
    }

    public IPage Page { get; }

    public IReadOnlyCollection<string> Dialogs => dialogs;

    public IReadOnlyCollection<string> Errors => errors;

    /// <summary>Opens <paramref name="path"/> and fails with the status when the server does not answer 200.</summary>
    public async Task<IResponse> GoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {path} answered {response.Status} {response.StatusText}: {Truncate(await response.TextAsync())}");
        return response;
    }

    /// <summary>A full-page screenshot kept as a test artifact (see <see cref="Artifacts"/>).</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Artifacts.Screenshot(name);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name + ".png", path);
        return path;
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private static string Truncate(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
