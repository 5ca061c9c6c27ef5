/**
 * The API of Clientele: {@link dev.clientele.CustomerDirectory}, the one object an application talks to, and its
 * values — {@link dev.clientele.Customer}, {@link dev.clientele.Company}, {@link dev.clientele.Group},
 * {@link dev.clientele.Membership}, {@link dev.clientele.CustomerQuery}, the group policy, the results and events —
 * and the exceptions, all under {@link dev.clientele.ClienteleException}.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it is annotated
 * {@link org.jspecify.annotations.Nullable @Nullable}, as the optional fields of a customer or company are.
 */
@NullMarked
package dev.clientele;

import org.jspecify.annotations.NullMarked;
