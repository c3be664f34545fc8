using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Mamori.AccessMonitoring;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using EngineAllowlistEntry = Mamori.AccessMonitoring.AllowlistEntry;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>The jobs waiting for the worker, by id; one worker runs them one after another (the engine uses up to its memory limit).</summary>
public sealed class AccessJobChannel
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();

    public void Enqueue(Guid jobId) => _channel.Writer.TryWrite(jobId);

    public ChannelReader<Guid> Reader => _channel.Reader;
}
