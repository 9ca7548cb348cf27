package com.autochec.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BeanFaultsTest {

    /** A bean as Spring would hold it: a plain class with state. */
    static class Ledger {
        final AtomicInteger written = new AtomicInteger();

        String write(String key) {
            written.incrementAndGet();
            return "written " + key;
        }

        String read(String key) {
            return "read " + key;
        }
    }

    interface Source {
        String next();
    }

    /** A final class, as some platform beans are: reached through its interface. */
    static final class FinalSource implements Source {
        @Override
        public String next() {
            return "next";
        }
    }

    static class LedgerFaults extends BeanFaults {
        LedgerFaults() {
            super(Ledger.class, FinalSource.class);
        }
    }

    private final LedgerFaults faults = new LedgerFaults();
    private final Ledger target = new Ledger();
    private final Ledger ledger = (Ledger) faults.postProcessAfterInitialization(target, "ledger");

    @Test
    void theMatchingCallsFailTheGivenNumberOfTimesThenReachTheBeanAndAreAllCounted() {
        BeanFaults.Fault fault = faults.fail(Ledger.class, "write", args -> "k1".equals(args[0]), 2,
                () -> new IllegalStateException("outage"));

        assertThatThrownBy(() -> ledger.write("k1")).hasMessage("outage");
        assertThat(ledger.write("k2")).isEqualTo("written k2");
        assertThat(ledger.read("k1")).isEqualTo("read k1");
        assertThatThrownBy(() -> ledger.write("k1")).hasMessage("outage");
        assertThat(ledger.write("k1")).isEqualTo("written k1");

        assertThat(fault.calls()).isEqualTo(3);
        assertThat(target.written).hasValue(2);
    }

    @Test
    void stopAndClearEndTheFailures() {
        BeanFaults.Fault stopped = faults.fail(Ledger.class, "read", Integer.MAX_VALUE, IllegalStateException::new);
        stopped.stop();
        assertThat(ledger.read("a")).isEqualTo("read a");
        assertThat(stopped.calls()).isEqualTo(1);

        faults.fail(Ledger.class, "read", Integer.MAX_VALUE, IllegalStateException::new);
        assertThatThrownBy(() -> ledger.read("b")).isInstanceOf(IllegalStateException.class);
        faults.clear();
        assertThat(ledger.read("c")).isEqualTo("read c");
    }

    @Test
    void faultsPlannedWhileOtherThreadsCallTheBeanApplyToExactlyTheMatchingCalls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> busy = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                busy.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        ledger.write("other");
                    }
                }));
            }
            BeanFaults.Fault fault = faults.fail(Ledger.class, "write", args -> "mine".equals(args[0]), 3,
                    () -> new IllegalStateException("outage"));
            int failed = 0;
            for (int i = 0; i < 5; i++) {
                try {
                    ledger.write("mine");
                } catch (IllegalStateException e) {
                    failed++;
                }
            }
            for (Future<?> f : busy) {
                f.get();
            }
            assertThat(failed).isEqualTo(3);
            assertThat(fault.calls()).isEqualTo(5);
            assertThat(target.written).hasValue(4 * 20_000 + 2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFinalClassFailsThroughItsInterface() {
        Source source = (Source) faults.postProcessAfterInitialization(new FinalSource(), "source");
        BeanFaults.Fault fault = faults.fail(FinalSource.class, "next", 1, () -> new IllegalStateException("crash"));

        assertThatThrownBy(source::next).hasMessage("crash");
        assertThat(source.next()).isEqualTo("next");
        assertThat(fault.calls()).isEqualTo(2);
    }

    @Test
    void onlyTheWrappedTypesCanFailAndOtherBeansAreLeftAlone() {
        assertThatThrownBy(() -> faults.fail(String.class, "length", 1, IllegalStateException::new))
                .isInstanceOf(IllegalArgumentException.class);
        Object other = new Object();
        assertThat(faults.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }
}
