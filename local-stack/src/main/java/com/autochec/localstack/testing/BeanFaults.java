package com.autochec.localstack.testing;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * For tests of retries and crashes: makes chosen calls of some Spring beans fail, and counts them.
 *
 * <p>Why not stub a Mockito spy mid-test: {@code doThrow(..).when(spy)} marks the spy itself, not the
 * test's thread, as "being stubbed", so a call a Kafka consumer, a scheduled sweep or a producer callback
 * makes on its own thread at that moment becomes the stubbed call (Mockito then reports
 * UnfinishedStubbing, or the wrong call fails). Here every bean of the given types is wrapped in a proxy
 * once, at start, and a fault is a thread-safe rule the proxy consults on every call.
 *
 * <p>Use: a subclass with a no-argument constructor naming the types, {@code @Import}ed by the test and
 * injected into it. A final class's bean is proxied through its interfaces, so only the calls made through
 * them fail (and it can no longer be injected by its class). A fault lasts until {@link Fault#stop()} or
 * {@link #clear()}: match the calls of one test only (its ids), or clear after each test.
 */
public abstract class BeanFaults implements BeanPostProcessor, MethodInterceptor {

    private final Set<Class<?>> types;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    protected BeanFaults(Class<?>... types) {
        this.types = Set.of(types);
    }

    /** The next {@code times} calls of {@code method} on the bean of {@code type} throw {@code failure}. */
    public Fault fail(Class<?> type, String method, int times, Supplier<? extends RuntimeException> failure) {
        return fail(type, method, arguments -> true, times, failure);
    }

    /** As {@link #fail(Class, String, int, Supplier)}, for calls whose arguments match only. */
    public Fault fail(
            Class<?> type,
            String method,
            Predicate<Object[]> arguments,
            int times,
            Supplier<? extends RuntimeException> failure) {
        if (!types.contains(type)) {
            throw new IllegalArgumentException(type.getName() + " is not among the types this BeanFaults wraps");
        }
        Fault fault = new Fault(type, method, arguments, times, failure);
        faults.add(fault);
        return fault;
    }

    /** Counts the calls of {@code method} on the bean of {@code type} whose arguments match, failing none. */
    public Fault count(Class<?> type, String method, Predicate<Object[]> arguments) {
        return fail(type, method, arguments, 0, IllegalStateException::new);
    }

    /** Removes every fault: the beans behave normally again. */
    public void clear() {
        faults.clear();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (types.stream().noneMatch(type -> type.isInstance(bean))) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        // a subclass, so the bean is still injected by its class; a final class is reached through its interfaces
        proxy.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
        proxy.addAdvice(this);
        return proxy.getProxy();
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Class<?> target = invocation.getThis().getClass();
        for (Fault fault : faults) {
            fault.apply(target, invocation.getMethod().getName(), invocation.getArguments());
        }
        return invocation.proceed();
    }

    /** One planned failure: counts every matching call, failed or not. */
    public static final class Fault {

        private final Class<?> type;
        private final String method;
        private final Predicate<Object[]> arguments;
        private final AtomicInteger failuresLeft;
        private final Supplier<? extends RuntimeException> failure;
        private final AtomicInteger calls = new AtomicInteger();

        private Fault(
                Class<?> type,
                String method,
                Predicate<Object[]> arguments,
                int times,
                Supplier<? extends RuntimeException> failure) {
            this.type = type;
            this.method = method;
            this.arguments = arguments;
            this.failuresLeft = new AtomicInteger(times);
            this.failure = failure;
        }

        /** The calls that matched so far, the failed ones included. */
        public int calls() {
            return calls.get();
        }

        /** No more failures; matching calls are still counted. */
        public void stop() {
            failuresLeft.set(0);
        }

        private void apply(Class<?> target, String name, Object[] args) {
            if (!type.isAssignableFrom(target) || !method.equals(name) || !arguments.test(args)) {
                return;
            }
            calls.incrementAndGet();
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw failure.get();
            }
        }
    }
}
