package io.kqlite.statemachine.raft;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.ratis.metrics.LongCounter;
import org.apache.ratis.metrics.MetricRegistries;
import org.apache.ratis.metrics.MetricRegistryInfo;
import org.apache.ratis.metrics.RatisMetricRegistry;
import org.apache.ratis.metrics.Timekeeper;
import org.apache.ratis.util.TimeDuration;

/**
 * Ratis' metrics registry, loaded by Ratis through {@code ServiceLoader} in place of its
 * Dropwizard one: counters count, timers and gauges record nothing. kqlite reports a member's
 * state from the Raft division itself ({@code cluster status}), and nobody reads Ratis' timers,
 * yet each of them kept a decaying sample of every log append, apply and client request: about
 * 7% of the leader's CPU under a write load, and a few MB of classes and heap on the witness.
 */
public final class CountersOnlyMetrics extends MetricRegistries {

  private static final Timekeeper.Context STOPPED = () -> 0L;
  private static final Timekeeper UNTIMED = () -> STOPPED;

  private final Map<MetricRegistryInfo, Registry> registries = new ConcurrentHashMap<>();

  @Override
  public RatisMetricRegistry create(MetricRegistryInfo info) {
    return registries.computeIfAbsent(info, Registry::new);
  }

  @Override
  public boolean remove(MetricRegistryInfo info) {
    return registries.remove(info) != null;
  }

  @Override
  public Optional<RatisMetricRegistry> get(MetricRegistryInfo info) {
    return Optional.ofNullable(registries.get(info));
  }

  @Override
  public Set<MetricRegistryInfo> getMetricRegistryInfos() {
    return Set.copyOf(registries.keySet());
  }

  @Override
  public Collection<RatisMetricRegistry> getMetricRegistries() {
    return List.copyOf(registries.values());
  }

  @Override
  public void clear() {
    registries.clear();
  }

  /** There is nothing to report: reporters are not registered. */
  @Override
  public void addReporterRegistration(Consumer<RatisMetricRegistry> reporterRegistration,
      Consumer<RatisMetricRegistry> stopReporter) {
  }

  @Override
  public void enableJmxReporter() {
  }

  @Override
  public void enableConsoleReporter(TimeDuration consoleReportRate) {
  }

  private static final class Registry implements RatisMetricRegistry {
    private final MetricRegistryInfo info;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    Registry(MetricRegistryInfo info) {
      this.info = info;
    }

    @Override
    public Timekeeper timer(String name) {
      return UNTIMED;
    }

    @Override
    public LongCounter counter(String name) {
      return counters.computeIfAbsent(name, n -> new Counter());
    }

    @Override
    public boolean remove(String name) {
      return counters.remove(name) != null;
    }

    @Override
    public <T> void gauge(String name, Supplier<Supplier<T>> gaugeSupplier) {
    }

    @Override
    public MetricRegistryInfo getMetricRegistryInfo() {
      return info;
    }
  }

  private static final class Counter implements LongCounter {
    private final LongAdder count = new LongAdder();

    @Override
    public void inc(long n) {
      count.add(n);
    }

    @Override
    public void dec(long n) {
      count.add(-n);
    }

    @Override
    public long getCount() {
      return count.sum();
    }
  }
}
