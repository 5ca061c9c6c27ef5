package dev.clientele.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Core without Micrometer: the directory is built and used in a class loader that cannot see any
 * {@code io.micrometer} class (the test's class path minus Micrometer's jars), so a Micrometer class touched on
 * any path of the scenario would fail it with {@code NoClassDefFoundError}.
 */
@DisplayName("Core without Micrometer on the class path")
class WithoutMicrometerTest {

    /** Runs in the class loader without Micrometer: a memory directory, a login, lookups, a search, a check. */
    public static final class Scenario implements Runnable {
        @Override
        public void run() {
            try (dev.clientele.CustomerDirectory d = dev.clientele.CustomerDirectory.builder().backend("memory")
                    .policy(dev.clientele.CustomerGroupPolicy.builder().groupSupport(true).build())
                    .passwordHasher(dev.clientele.password.Pbkdf2PasswordHasher.withIterations(1000)).build()) {
                d.createGroup(dev.clientele.Group.of("support"));
                d.createCustomer(dev.clientele.Customer.builder("jdoe").email("jdoe@acme.example").customerId("acme")
                        .firstName("J").lastName("Doe").build(), "Corr3ct-Horse".toCharArray());
                d.link("jdoe", "support", dev.clientele.Permission.RW);
                if (!d.authenticate("jdoe", "Corr3ct-Horse".toCharArray()).succeeded()
                        || d.findCustomer("jdoe").isEmpty() || d.findByEmail("jdoe@acme.example").isEmpty()
                        || d.search("jd").customers().isEmpty()
                        || !d.hasPermission("jdoe", "support", dev.clientele.Permission.RO)) {
                    throw new AssertionError("the directory did not work without Micrometer");
                }
            }
        }
    }

    /** Loads every class from the class path itself (child first), except Micrometer's, which it cannot find. */
    private static final class WithoutMicrometer extends URLClassLoader {
        WithoutMicrometer(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    private static URL[] classPathWithoutMicrometer() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("micrometer")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    @Test
    @DisplayName("builds, logs in, looks up, searches and checks permissions: no Micrometer class is needed")
    void worksWithoutMicrometer() throws Exception {
        try (WithoutMicrometer loader = new WithoutMicrometer(classPathWithoutMicrometer())) {
            assertThatExceptionOfType(ClassNotFoundException.class)
                    .isThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader));
            Class<?> scenario = Class.forName(Scenario.class.getName(), true, loader);
            assertThat(scenario.getClassLoader()).isSameAs(loader);
            Thread t = Thread.currentThread();
            ClassLoader before = t.getContextClassLoader();
            t.setContextClassLoader(loader);
            try {
                ((Runnable) scenario.getDeclaredConstructor().newInstance()).run();
            } finally {
                t.setContextClassLoader(before);
            }
        }
    }
}
