using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Testing;

/// <summary>
/// Well-behaved and misbehaving responses for <see cref="FeedServer"/>: every way a real feed server has
/// been seen to fail. Stalls end when the client aborts or the server stops; endless bodies are bounded.
/// </summary>
public static class FeedServerResponses
{
    /// <summary>An endless body stops by itself after this much, so a broken client cannot make a test run forever.</summary>
    public const long EndlessBodyLimit = 256L * 1024 * 1024;

    /// <summary>A feed with validators; a request carrying a matching If-None-Match gets 304 and no body.</summary>
    public static RequestDelegate Feed(string body, string contentType = "application/rss+xml; charset=utf-8",
        string? etag = null, string? lastModified = null, string? cacheControl = null) =>
        Bytes(Encoding.UTF8.GetBytes(body), contentType, etag, lastModified, cacheControl);

    public static RequestDelegate Bytes(byte[] body, string contentType, string? etag = null, string? lastModified = null, string? cacheControl = null) =>
        async context =>
        {
            if (etag is not null) context.Response.Headers.ETag = etag;
            if (lastModified is not null) context.Response.Headers.LastModified = lastModified;
            if (cacheControl is not null) context.Response.Headers.CacheControl = cacheControl;
            if ((etag is not null && context.Request.Headers.IfNoneMatch.ToString() == etag)
                || (etag is null && lastModified is not null && context.Request.Headers.IfModifiedSince.ToString() == lastModified))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        };

    public static RequestDelegate Status(int statusCode, string? retryAfter = null) => context =>
    {
        context.Response.StatusCode = statusCode;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    };

    public static RequestDelegate Redirect(string location, int statusCode = StatusCodes.Status302Found) => context =>
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>Accepts the request and never answers until the client gives up.</summary>
    public static RequestDelegate SlowHeaders() => async context =>
        await Task.Delay(Timeout.Infinite, context.RequestAborted);

    /// <summary>Sends headers and the first bytes of <paramref name="body"/>, then stalls until the client gives up.</summary>
    public static RequestDelegate SlowBody(string body) => async context =>
    {
        await SendFirstHalfAsync(context, body);
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    };

    /// <summary>Promises the whole body in Content-Length, sends half, and drops the connection.</summary>
    public static RequestDelegate TruncatedBody(string body) => async context =>
    {
        await SendFirstHalfAsync(context, body);
        context.Abort();
    };

    /// <summary>Headers promising all of <paramref name="body"/>, then only its first half, flushed to the client.</summary>
    private static async Task SendFirstHalfAsync(HttpContext context, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = "application/rss+xml";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>A chunked body that never ends (up to <see cref="EndlessBodyLimit"/>).</summary>
    public static RequestDelegate EndlessBody() => async context =>
    {
        context.Response.ContentType = "application/rss+xml";
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<item><title>again</title></item>", 2000)));
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel>"), context.RequestAborted);
        for (long sent = 0; sent < EndlessBodyLimit; sent += chunk.Length)
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
    };

    /// <summary>A small gzip (or brotli) body that inflates to <paramref name="inflatedBytes"/> bytes of XML whitespace.</summary>
    public static RequestDelegate CompressionBomb(long inflatedBytes, string contentEncoding = "gzip")
    {
        var compressed = Compress(inflatedBytes, contentEncoding);
        return async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = contentEncoding;
            context.Response.ContentLength = compressed.Length;
            await context.Response.Body.WriteAsync(compressed, context.RequestAborted);
        };
    }

    /// <summary>A feed compressed as the client asked (Accept-Encoding), for checking decompression itself.</summary>
    public static RequestDelegate Compressed(string body, string contentEncoding)
    {
        var compressed = Compress(Encoding.UTF8.GetBytes(body), contentEncoding);
        return async context =>
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            context.Response.Headers.ContentEncoding = contentEncoding;
            context.Response.ContentLength = compressed.Length;
            await context.Response.Body.WriteAsync(compressed, context.RequestAborted);
        };
    }

    private static byte[] Compress(long inflatedBytes, string contentEncoding)
    {
        using var output = new MemoryStream();
        using (var compressor = Compressor(output, contentEncoding))
        {
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (long written = 0; written < inflatedBytes; written += block.Length)
                compressor.Write(block, 0, (int)Math.Min(block.Length, inflatedBytes - written));
        }

        return output.ToArray();
    }

    private static byte[] Compress(byte[] content, string contentEncoding)
    {
        using var output = new MemoryStream();
        using (var compressor = Compressor(output, contentEncoding))
            compressor.Write(content);
        return output.ToArray();
    }

    private static Stream Compressor(Stream output, string contentEncoding) => contentEncoding switch
    {
        "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
        "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
        "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(contentEncoding), contentEncoding, "gzip, deflate or br"),
    };
}
