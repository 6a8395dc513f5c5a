using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Enrolment.Integration.Tests.MultiHost;

/// <summary>
/// An <see cref="HttpClient"/> handler that sends each request with curl from inside a network namespace
/// (<c>ip netns exec</c>), so that the test talks to a gateway on a private network it cannot reach itself, and
/// the traffic stays inside that network. No answer at all (curl failed) is an <see cref="HttpRequestException"/>.
/// </summary>
public sealed class CurlInNamespace(string networkNamespace) : HttpMessageHandler
{
    private static readonly byte[] EndOfHeaders = "\r\n\r\n"u8.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ip")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] command =
        [
            "netns", "exec", networkNamespace, "curl", "--silent", "--show-error", "--include", "--max-time", "30",
            "--request", request.Method.Method, "--header", "Expect:", // no 100-continue: one answer to parse
        ];
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        var headers = request.Content is null ? request.Headers : request.Headers.Concat(request.Content.Headers);
        foreach (var (name, values) in headers)
        {
            start.ArgumentList.Add("--header");
            start.ArgumentList.Add($"{name}: {string.Join(", ", values)}");
        }

        if (request.Content is not null)
        {
            start.ArgumentList.Add("--data-binary");
            start.ArgumentList.Add("@-");
        }

        start.ArgumentList.Add(request.RequestUri!.AbsoluteUri);
        using var curl = Process.Start(start) ?? throw new HttpRequestException("curl did not start.");
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(curl.StandardInput.BaseStream, cancellationToken);
        }

        curl.StandardInput.Close();
        using var output = new MemoryStream();
        var reading = curl.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var errors = curl.StandardError.ReadToEndAsync(cancellationToken);
        await curl.WaitForExitAsync(cancellationToken);
        await reading;
        return curl.ExitCode == 0
            ? Parse(output.ToArray(), request)
            : throw new HttpRequestException($"curl in {networkNamespace} failed ({curl.ExitCode}): {(await errors).Trim()}");
    }

    private static HttpResponseMessage Parse(byte[] output, HttpRequestMessage request)
    {
        var end = output.AsSpan().IndexOf(EndOfHeaders);
        if (end < 0)
        {
            throw new HttpRequestException("curl printed no complete HTTP answer.");
        }

        var lines = Encoding.ASCII.GetString(output, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(output, end + EndOfHeaders.Length, output.Length - end - EndOfHeaders.Length),
        };
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon], line[(colon + 1)..].Trim());
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
