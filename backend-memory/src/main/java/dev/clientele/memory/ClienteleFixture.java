package dev.clientele.memory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fixtures {@link ClienteleExtension} seeds each test's directory with: class-path resources (from the root; a
 * leading {@code /} is ignored), loaded in order, in the format of {@link Fixtures}.
 *
 * <p>On a test method it applies to that test; on a test class to each of its tests (and to those of its
 * {@code @Nested} classes and subclasses). The nearest one wins — method, then class, then enclosing classes —
 * and replaces the fixtures the extension was made with ({@link ClienteleExtension#withFixture(String...)});
 * {@code @ClienteleFixture({})} means no fixture.
 *
 * <pre>{@code
 * @ExtendWith(ClienteleExtension.class)
 * @ClienteleFixture("fixtures/customers.fixture")
 * class TicketScreenTest {
 *     @Test
 *     void showsTheCompany(CustomerDirectory directory) { ... }
 *
 *     @Test
 *     @ClienteleFixture({"fixtures/customers.fixture", "fixtures/locked-out.fixture"})
 *     void lockedOutCustomerSeesNothing(CustomerDirectory directory) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface ClienteleFixture {
    /** Class-path resources, loaded in this order. */
    String[] value();
}
