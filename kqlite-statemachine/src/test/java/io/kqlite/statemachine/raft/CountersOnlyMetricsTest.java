package io.kqlite.statemachine.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.ratis.metrics.LongCounter;
import org.apache.ratis.metrics.MetricRegistries;
import org.apache.ratis.metrics.MetricRegistryInfo;
import org.apache.ratis.metrics.RatisMetricRegistry;
import org.apache.ratis.metrics.Timekeeper;
import org.junit.jupiter.api.Test;

class CountersOnlyMetricsTest {

  @Test
  void ratisLoadsTheCountersOnlyRegistry() {
    assertInstanceOf(CountersOnlyMetrics.class, MetricRegistries.global());
  }

  @Test
  void countersCountTimersRecordNothingRegistriesAreShared() {
    CountersOnlyMetrics metrics = new CountersOnlyMetrics();
    MetricRegistryInfo info = new MetricRegistryInfo("n1", "ratis", "server", "test");
    RatisMetricRegistry registry = metrics.create(info);
    assertSame(registry, metrics.create(info));
    LongCounter counter = registry.counter("appends");
    counter.inc();
    counter.inc(4);
    counter.dec();
    assertEquals(4, registry.counter("appends").getCount());
    assertEquals(0, registry.timer("append-latency").time().stop());
    try (var ignored = Timekeeper.start(registry.timer("apply"))) {
      registry.gauge("lag", () -> () -> 1L);
    }
    assertTrue(metrics.get(info).isPresent());
    assertTrue(metrics.remove(info));
    assertTrue(metrics.get(info).isEmpty());
  }
}
