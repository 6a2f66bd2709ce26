using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Running;
using NetDma.ConformanceKit.Tests.Support;

namespace NetDma.ConformanceKit.Tests.BrokenProviders;

/// <summary>
/// The kit tested against deliberately broken providers (the reactive-streams TCK way): each one breaks one rule, and
/// the kit must catch it with that rule ID, a message naming the page, and the call sequence, while the reference
/// provider is not accused of it.
/// </summary>
public sealed class BrokenProviderTests
{
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(20);

    /// <summary>Each broken provider, its self-test script, the rule it breaks and the page its reports cite (null: a kit rule with no corpus page).</summary>
    public static TheoryData<Type, string, string, string?> Cases => new()
    {
        { typeof(UndocumentedStatusProvider), "ndma2001-undocumented-status", "NDMA2001", "nc-netdma-dma_channel_allocate_handler.md" },
        { typeof(CpuOutsideMaskProvider), "ndma3004-cpu-outside-mask", "NDMA3004", "nc-netdma-dma_channel_allocate_handler.md" },
        { typeof(CpuNumberNotWrittenProvider), "ndma3003-cpu-not-written", "NDMA3003", "nc-netdma-dma_channel_allocate_handler.md" },
        { typeof(NullChannelContextProvider), "ndma3002-null-channel-context", "NDMA3002", "nc-netdma-dma_channel_allocate_handler.md" },
        { typeof(WaitAtDispatchProvider), "ndma1002-wait-at-dispatch", "NDMA1002", "managing-hardware-priorities.md" },
        { typeof(PagedPoolAtDispatchProvider), "ndma1003-paged-pool-at-dispatch", "NDMA1003", "managing-hardware-priorities.md" },
        { typeof(DmaOverrunProvider), "ndma5001-dma-overrun", "NDMA5001", "dma-verification.md" },
        { typeof(DpcAfterFreeProvider), "ndma3015-dpc-after-free", "NDMA3015", "nc-netdma-dma_channel_free_handler.md" },
        { typeof(DoubleFreeChannelProvider), "ndma5003-double-free", "NDMA5003", null },
        { typeof(SecondAdapterChannelDriver), "ndma4001-second-adapter-channel", "NDMA4001", "nc-wdm-pallocate_adapter_channel.md" },
        { typeof(AbortIgnoredProvider), "ndma3013-abort-ignored", "NDMA3013", "nc-netdma-dma_abort_handler.md" },
        { typeof(WrongPdoProvider), "ndma3017-wrong-pdo", "NDMA3017", "ns-netdma-_net_dma_provider_characteristics.md" },
        { typeof(HardCodedVendorIdProvider), "ndma3018-hard-coded-vendor-id", "NDMA3018", "ns-netdma-_net_dma_provider_attributes.md" },
        { typeof(PowerNotificationWithDataProvider), "ndma3019-power-notification-data", "NDMA3019", "ns-netdma-_net_dma_pnp_notification.md" },
        { typeof(SilentPowerDownProvider), "ndma3020-silent-power-down", "NDMA3020", "ne-netdma-_net_dma_pnp_notification_code.md" },
        { typeof(NeverDeregisteredProvider), "ndma3050-never-deregistered", "NDMA3050", "nf-netdma-netdmaderegisterprovider.md" },
        { typeof(UnverifiedGetVersionProvider), "ndma3021-unverified-get-version", "NDMA3021", "nf-netdma-netdmagetversion.md" },
        { typeof(NeverIdleEngineProvider), "ndma5017-engine-never-idle", "NDMA5017", "nc-netdma-dma_start_handler.md" },
        { typeof(AffinityIgnoringProvider), "ndma3025-affinity-ignored", "NDMA3025", "setting-the-netdma-interrupt-cpu-affinities.md" },
        { typeof(MessageTableMisreadProvider), "ndma3026-msix-match-ignored", "NDMA3026", "nc-netdma-dma_channel_allocate_handler.md" },
        { typeof(ProviderStartInAddDeviceProvider), "ndma3027-start-in-add-device", "NDMA3027", "nf-netdma-netdmaproviderstart.md" },
        { typeof(NotReadyAtProviderStartProvider), "ndma3028-not-ready-at-start", "NDMA3028", "starting-a-netdma-provider.md" },
        { typeof(StopIgnoredDriver), "ndma4007-adapter-kept-at-stop", "NDMA4007", "nc-wdm-pput_dma_adapter.md" },
        { typeof(FlushTooManyBytesDriver), "ndma4009-flush-too-many-bytes", "NDMA4009", "nc-wdm-pflush_adapter_buffers.md" },
        { typeof(DoubleMappingDriver), "ndma4010-double-mapping", "NDMA4010", "dma-verification.md" },
        { typeof(CompleteBeforeFlushDriver), "ndma4011-complete-before-flush", "NDMA4011", "nc-wdm-pflush_adapter_buffers.md" },
        { typeof(SystemDmaDeallocateDriver), "ndma4012-system-dma-deallocate", "NDMA4012", "ne-wdm-_io_allocation_action.md" },
        { typeof(CurrentIrpClearedDriver), "ndma4013-current-irp-cleared", "NDMA4013", "nc-wdm-driver_control.md" },
        { typeof(ChannelFailureSucceedsIrpDriver), "ndma4014-channel-failure-succeeds-irp", "NDMA4014", "nc-wdm-pallocate_adapter_channel.md" },
        { typeof(Reserved1SetDriver), "ndma4015-reserved1-set", "NDMA4015", "ns-wdm-_device_description.md" },
        { typeof(BusMasterReadDmaCounterDriver), "ndma4016-bus-master-read-dma-counter", "NDMA4016", "nc-wdm-pread_dma_counter.md" },
        { typeof(RetargetQueuedDpcDriver), "ndma4017-retarget-queued-dpc", "NDMA4017", "nf-wdm-kesettargetprocessordpc.md" },
        { typeof(DmaAdapterAtRemovalDriver), "ndma4018-dma-adapter-at-removal", "NDMA4018", "nf-wdm-iogetdmaadapter.md" },
        { typeof(NullAdapterFreeDriver), "ndma4019-null-adapter", "NDMA4019", "dma-verification.md" },
        { typeof(ForeignAdapterFreeDriver), "ndma4019-foreign-adapter", "NDMA4019", "nc-wdm-pfree_map_registers.md" },
        { typeof(PagedBounceBufferDriver), "ndma4020-paged-bounce-buffer", "NDMA4020", "dma-verification.md" },
        { typeof(DuplicateTransferContextDriver), "ndma4021-duplicate-transfer-context", "NDMA4021", "nc-wdm-pallocate_adapter_channel_ex.md" },
        { typeof(AdapterObjectNeverFreedDriver), "ndma4022-adapter-object-never-freed", "NDMA4022", "nc-wdm-pallocate_adapter_channel_ex.md" },
        { typeof(CommonBufferPhysicalAddressDriver), "ndma4023-common-buffer-physical-address", "NDMA4023", "nc-wdm-pallocate_common_buffer.md" },
        { typeof(MisalignedPieceDriver), "ndma4024-misaligned-piece", "NDMA4024", "nc-wdm-pget_dma_alignment.md" },
        { typeof(AlignmentRequirementNotSetDriver), "ndma4025-alignment-requirement-not-set", "NDMA4025", "nc-wdm-pget_dma_alignment.md" },
        { typeof(CurrentVaNotAdvancedDriver), "ndma4026-current-va-not-advanced", "NDMA4026", "nc-wdm-pmap_transfer.md" },
        { typeof(MdlPhysicalAddressDriver), "ndma4027-mdl-physical-address", "NDMA4027", "dma-verification.md" },
        { typeof(DoubleCompletionDriver), "ndma4028-irp-completed-twice", "NDMA4028", null },
        { typeof(UnsupportedChannelFlagsDriver), "ndma4029-unsupported-channel-flags", "NDMA4029", "nc-wdm-pallocate_adapter_channel_ex.md" },
        { typeof(SecondInterruptConnectionDriver), "ndma3051-interrupt-connected-twice", "NDMA3051", null },
        { typeof(IsrOffByOneDescriptorProvider), "ndma3022-isr-wrong-descriptor", "NDMA3022", "handling-a-netdma-interrupt.md" },
        { typeof(DpcReportsNextDescriptorProvider), "ndma3023-dpc-wrong-descriptor", "NDMA3023", "handling-a-netdma-interrupt-dpc.md" },
        { typeof(DpcReportedFromStartProvider), "ndma3024-dpc-report-outside-dpc", "NDMA3024", "nf-netdma-netdmainterruptdpc.md" },
        { typeof(StatusFlagMisreadProvider), "ndma5007-status-not-requested", "NDMA5007", "ns-netdma-_net_dma_descriptor.md" },
        { typeof(IdleTooEarlyProvider), "ndma5008-idle-while-more-remain", "NDMA5008", "ns-netdma-_net_dma_channel_parameters.md" },
        { typeof(DescriptorCacheProvider), "ndma5009-resume-without-reread", "NDMA5009", "nc-netdma-dma_resume_handler.md" },
        { typeof(DescriptorWritebackProvider), "ndma5010-user-context-written", "NDMA5010", "ns-netdma-_net_dma_descriptor.md" },
        { typeof(PostedStatusWriteProvider), "ndma5011-serialize-violated", "NDMA5011", "ns-netdma-_net_dma_descriptor.md" },
        { typeof(PageBreakIgnoredProvider), "ndma5012-page-break-ignored", "NDMA5012", "ns-netdma-_net_dma_descriptor.md" },
        { typeof(ContextChangeCopiedProvider), "ndma5013-context-change-copied", "NDMA5013", "ns-netdma-_net_dma_descriptor.md" },
        { typeof(StartIgnoredProvider), "ndma3030-outstanding-never-complete", "NDMA3030", "nf-netdma-netdmaproviderstop.md" },
        { typeof(RemoveWithoutStopProvider), "ndma3007-remove-without-stop", "NDMA3007", "nf-netdma-netdmaderegisterprovider.md" },
        { typeof(DpcReportsDescriptorOnErrorProvider), "ndma3023-dpc-descriptor-on-error", "NDMA3023", "handling-a-netdma-interrupt-dpc.md" },
        { typeof(ArmedAfterCompletionProvider), "ndma5008-armed-after-completion", "NDMA5008", "ns-netdma-_net_dma_channel_parameters.md" },
        { typeof(IsrWithoutNetDmaIsrProvider), "ndma3014-isr-without-netdmaisr", "NDMA3014", "nf-netdma-netdmaisr.md" },
        { typeof(DpcWithoutNetDmaInterruptDpcProvider), "ndma3014-dpc-without-netdmainterruptdpc", "NDMA3014", "nf-netdma-netdmaisr.md" },
        { typeof(UngrantedMessageProvider), "ndma3040-ungranted-message", "NDMA3040", null },
        { typeof(DescriptorCountOverrunProvider), "ndma5002-unsubmitted-descriptor", "NDMA5002", "nc-netdma-dma_start_handler.md" },
        { typeof(CompletionAddressAheadProvider), "ndma5005-completion-address-ahead", "NDMA5005", "ns-netdma-_net_dma_channel_parameters.md" },
        { typeof(FlippedByteEngineProvider), "ndma5004-flipped-byte", "NDMA5004", "ns-netdma-_net_dma_descriptor.md" },
        { typeof(SuspendIgnoredProvider), "ndma3012-suspend-ignored", "NDMA3012", "nc-netdma-dma_suspend_handler.md" },
        { typeof(SuspendReportsEarlierDescriptorProvider), "ndma3012-suspend-reports-earlier-descriptor", "NDMA3012", "nc-netdma-dma_suspend_handler.md" },
    };

    private static IDriverFactory FactoryFor(Type broken) =>
        typeof(Contracts.Platform.IWdmDmaDriver).IsAssignableFrom(broken)
            ? new TypeDriverFactory(null, broken)
            : new TypeDriverFactory(broken, null);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Self_test_script_observes_the_broken_rule(Type broken, string script, string ruleId, string? page)
    {
        var result = ConformanceRun.Run([BundledScripts.SelfTestFile(script)], FactoryFor(broken), Watchdog).Scripts.Single();

        Assert.True(result.Outcome == ScriptOutcome.Passed, Explain(result));
        var violations = result.Violations.Where(v => v.Rule.Id == ruleId).ToList();
        Assert.NotEmpty(violations);
        Assert.All(violations, violation =>
        {
            Assert.Equal(page, violation.Page);
            Assert.Contains(ruleId, violation.Message);
            Assert.Contains($"Source: {page ?? Rules.Rule.NoCorpusPage}.", violation.Message);
            Assert.NotEmpty(violation.CallSequence);
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Self_test_script_fails_against_the_reference_drivers(Type broken, string script, string ruleId, string? page)
    {
        _ = broken;
        _ = page;
        var result = ConformanceRun.Run([BundledScripts.SelfTestFile(script)], DriverRunners.ReferenceDrivers, Watchdog).Scripts.Single();

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        var failures = result.Failures.Where(f => f.Step == $"assert_violation {ruleId}").ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Contains("none was reported", f.Message));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conformance_suite_fails_the_broken_provider_with_its_rule(Type broken, string script, string ruleId, string? page)
    {
        _ = script;
        var report = ConformanceRun.Run(BundledScripts.ConformanceFiles, FactoryFor(broken), Watchdog);

        Assert.False(report.Success);
        var failures = report.Scripts.SelectMany(s => s.Failures).Where(f => f.RuleIds.Contains(ruleId)).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Contains(page ?? Rules.Rule.NoCorpusPage, f.Message));
    }

    [Fact]
    public void Throwing_handler_is_reported_as_NDMA2002_with_the_routine_and_the_run_goes_on()
    {
        var files = new[] { BundledScripts.SelfTestFile("ndma2002-provider-throws"), BundledScripts.ConformanceFiles[0] };
        var report = ConformanceRun.Run(files, new TypeDriverFactory(typeof(ThrowingProvider), null), Watchdog);

        var crashed = report.Scripts[0];
        Assert.Equal(ScriptOutcome.Failed, crashed.Outcome);
        var violation = Assert.Single(crashed.Violations, v => v.Rule.Id == "NDMA2002");
        Assert.Contains("InvalidOperationException", violation.Actual);
        Assert.Contains("ProviderStartDma", violation.Actual);
        Assert.DoesNotContain("   at ", violation.Message);
        Assert.Equal(ScriptOutcome.Passed, report.Scripts[1].Outcome);
    }

    [Fact]
    public void Hanging_handler_is_reported_as_NDMA2003_with_the_call_in_progress_and_the_run_goes_on()
    {
        var files = new[] { BundledScripts.SelfTestFile("ndma2003-provider-hangs"), BundledScripts.ConformanceFiles[0] };
        var report = ConformanceRun.Run(files, new TypeDriverFactory(typeof(HangingProvider), null), TimeSpan.FromMilliseconds(500));

        var hung = report.Scripts[0];
        Assert.Equal(ScriptOutcome.Failed, hung.Outcome);
        var violation = Assert.Single(hung.Violations);
        Assert.Equal("NDMA2003", violation.Rule.Id);
        Assert.Contains("ProviderAllocateDmaChannel", violation.Actual);
        Assert.Equal(ScriptOutcome.Passed, report.Scripts[1].Outcome);
    }

    [Fact]
    public void A_completion_status_with_the_wrong_state_fails_assert_completion_with_NDMA5005()
    {
        var report = ConformanceRun.Run(BundledScripts.ConformanceFiles, new TypeDriverFactory(typeof(StaleCompletionStatusProvider), null), Watchdog);

        var failures = report.Scripts.SelectMany(s => s.Failures).Where(f => f.RuleIds.Contains("NDMA5005")).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f =>
        {
            Assert.StartsWith("assert_completion ", f.Step, StringComparison.Ordinal);
            Assert.Contains("(NetDmaTransferStatusActive)", f.Message);
        });
        Assert.Contains(failures, f => f.Message.Contains("expected NetDmaTransferStatusIdle", StringComparison.Ordinal));

        var reference = ConformanceRun.Run(BundledScripts.ConformanceFiles, DriverRunners.ReferenceDrivers, Watchdog);
        Assert.DoesNotContain(reference.Scripts.SelectMany(s => s.Failures), f => f.RuleIds.Contains("NDMA5005"));
    }

    [Fact]
    public void An_adapter_never_put_is_reported_as_NDMA4007_when_the_device_is_removed()
    {
        var report = ConformanceRun.Run(BundledScripts.ConformanceFiles, new TypeDriverFactory(null, typeof(AdapterNeverPutDriver)), Watchdog);

        var wdm = report.Scripts.Single(s => s.Name == "14-wdm-bus-master");
        var violation = Assert.Single(wdm.Violations, v => v.Rule.Id == "NDMA4007");
        Assert.Contains("was never put", violation.Actual);
        Assert.Equal(ScriptOutcome.Failed, wdm.Outcome);

        var reference = ConformanceRun.Run(BundledScripts.ConformanceFiles, DriverRunners.ReferenceDrivers, Watchdog);
        Assert.DoesNotContain(reference.Scripts.SelectMany(s => s.Violations), v => v.Rule.Id == "NDMA4007");
    }

    [Fact]
    public void The_broken_WDM_driver_base_without_a_bug_passes_the_conformance_suite_with_no_violation()
    {
        var report = ConformanceRun.Run(BundledScripts.ConformanceFiles, new TypeDriverFactory(null, typeof(UnbrokenWdmDriver)), Watchdog);

        var wdm = report.Scripts.Where(s => s.Outcome != ScriptOutcome.Skipped).ToList();
        Assert.Equal(3, wdm.Count);
        Assert.All(wdm, s =>
        {
            Assert.True(s.Outcome == ScriptOutcome.Passed, Explain(s));
            Assert.Empty(s.Violations);
        });
    }

    [Fact]
    public void A_system_DMA_AdapterControl_that_completes_the_IRP_and_returns_KeepObject_is_NDMA4012_and_the_reference_is_silent()
    {
        var report = ConformanceRun.Run(BundledScripts.ConformanceFiles, new TypeDriverFactory(null, typeof(SystemDmaCompletingKeepDriver)), Watchdog);

        var violations = report.Scripts.SelectMany(s => s.Violations).Where(v => v.Rule.Id == "NDMA4012").ToList();
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Contains("completed 1 IRP(s) with IoCompleteRequest and returned KeepObject", v.Actual));

        var reference = ConformanceRun.Run(BundledScripts.ConformanceFiles, DriverRunners.ReferenceDrivers, Watchdog);
        Assert.DoesNotContain(reference.Scripts.SelectMany(s => s.Violations), v => v.Rule.Id.StartsWith("NDMA40", StringComparison.Ordinal));
    }

    private static string Explain(ScriptResult result) =>
        $"{result.Name}: {result.Outcome} {result.SkipReason}\n" + string.Join("\n", result.Failures.Select(f => $"{f.Location} {f.Step}: {f.Message}"));
}
