using System.Buffers;

namespace StretchLibrary.Web.Platform.Caching;

/// <summary>
/// Keeps a copy of a response body, up to a limit, for the page cache. A body that the page cache will send
/// compressed (<paramref name="holdBack"/>, asked at the first write, when the headers are final) is held back
/// whole, for the page cache to send; any other passes through as it is written. A body over the limit drops its
/// copy and passes through from then on, what was held back first.
/// </summary>
internal sealed class CaptureStream(Stream inner, int limit, Func<bool> holdBack) : Stream
{
    // Pooled: a growing MemoryStream left twice a page's size in garbage on every rendered page (bench/README, "Fresh render").
    private byte[]? _copy = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _length;
    private bool? _holding;

    /// <summary>The body was larger than the limit; the copy was dropped.</summary>
    public bool Overflowed => _copy is null;

    /// <summary>The whole body is held back: nothing of it was sent, the caller sends it.</summary>
    public bool Holding => _holding == true && _copy is not null;

    public byte[] ToArray() => _copy is null ? [] : _copy.AsSpan(0, _length).ToArray();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Keep(buffer) is { } heldBack)
        {
            inner.Write(heldBack.Span);
        }

        if (!Holding)
        {
            inner.Write(buffer);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Keep(buffer.Span) is { } heldBack)
        {
            await inner.WriteAsync(heldBack, cancellationToken);
        }

        if (!Holding)
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
    }

    // A held-back body is flushed when the page cache sends it.
    public override void Flush()
    {
        if (!Holding)
        {
            inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Holding ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // The inner stream belongs to the server.
        Release();
        base.Dispose(disposing);
    }

    /// <summary>Copies the bytes; on overflow while holding back, returns what was held back, to be sent first.</summary>
    private ReadOnlyMemory<byte>? Keep(ReadOnlySpan<byte> bytes)
    {
        _holding ??= holdBack();
        if (_copy is null)
        {
            return null;
        }

        if (_length + bytes.Length > limit)
        {
            ReadOnlyMemory<byte>? heldBack = Holding ? new ReadOnlyMemory<byte>(ToArray()) : null;
            Release();
            return heldBack;
        }

        if (_length + bytes.Length > _copy.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_copy.Length * 2, _length + bytes.Length));
            _copy.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_copy);
            _copy = larger;
        }

        bytes.CopyTo(_copy.AsSpan(_length));
        _length += bytes.Length;
        return null;
    }

    private void Release()
    {
        if (_copy is not null)
        {
            ArrayPool<byte>.Shared.Return(_copy);
            _copy = null;
        }
    }
}
