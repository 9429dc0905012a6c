using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using AdaptiveLoss.Cli.Hosting;
using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace AdaptiveLoss.Cli.Tests.Otlp;

/// <summary>
/// A minimal OTLP/HTTP receiver on loopback (no collector is installable here): it accepts POST /v1/traces and
/// /v1/metrics with a protobuf body, decodes them with the classes generated from the vendored .proto files and
/// answers as a collector does (200, an empty protobuf Export*ServiceResponse). Anything else gets 404 and is noted.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    private OtlpReceiver(int port)
    {
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The base URL to put in OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
    public string Endpoint { get; }

    public ConcurrentQueue<ExportTraceServiceRequest> Traces { get; } = new();

    public ConcurrentQueue<ExportMetricsServiceRequest> Metrics { get; } = new();

    /// <summary>"METHOD path content-type" of every request, for failure messages and the unexpected ones.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static OtlpReceiver Start() => new(FreePorts.Pick(1)[0]);

    /// <summary>The environment that points an OpenTelemetry SDK at this receiver over OTLP/HTTP protobuf.</summary>
    public Dictionary<string, string?> Environment(string serviceName) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = serviceName,
        // Short export delays: a test waits seconds, not the SDK's default 5 s (spans) and 60 s (metrics).
        ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
        }

        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Handle(context);
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        Requests.Enqueue($"{request.HttpMethod} {request.Url?.AbsolutePath} {request.ContentType}");
        using var response = context.Response;
        var body = ReadBody(request);
        IMessage? answer = (request.HttpMethod, request.Url?.AbsolutePath, request.ContentType) switch
        {
            ("POST", "/v1/traces", "application/x-protobuf") => Add(Traces, ExportTraceServiceRequest.Parser.ParseFrom(body), new ExportTraceServiceResponse()),
            ("POST", "/v1/metrics", "application/x-protobuf") => Add(Metrics, ExportMetricsServiceRequest.Parser.ParseFrom(body), new ExportMetricsServiceResponse()),
            _ => null,
        };
        response.StatusCode = answer is null ? 404 : 200;
        response.ContentType = "application/x-protobuf";
        var bytes = answer?.ToByteArray() ?? [];
        response.OutputStream.Write(bytes);
    }

    private static IMessage Add<T>(ConcurrentQueue<T> queue, T message, IMessage answer)
    {
        queue.Enqueue(message);
        return answer;
    }

    private static byte[] ReadBody(HttpListenerRequest request)
    {
        using var body = new MemoryStream();
        using (var input = request.Headers["Content-Encoding"] == "gzip" ? new GZipStream(request.InputStream, CompressionMode.Decompress) : request.InputStream)
        {
            input.CopyTo(body);
        }

        return body.ToArray();
    }
}
