/**
 * Passwords: hashing, the rules for new passwords, lock-out after failed logins, and reset tokens.
 *
 * <p><b>Hashing.</b> {@link dev.clientele.password.PasswordHasher} is the contract;
 * {@link dev.clientele.password.Pbkdf2PasswordHasher} implements it with the JDK's PBKDF2-HMAC-SHA256, by default
 * with 600,000 iterations as OWASP recommends, a 16-byte random salt and a 32-byte key. Hashes are stored as PHC
 * strings ({@code $pbkdf2-sha256$i=600000,l=32$<salt>$<hash>}, base64 without padding) that carry their own
 * parameters, so old hashes keep verifying when the iteration count is raised. Upgrade happens on login: after a
 * successful {@code verify}, when {@code needsRehash} says so, the password just checked is hashed again with the
 * current parameters and stored. {@code dummyHash} lets an unknown login cost as much as a wrong password.
 *
 * <p><b>Legacy hashes.</b> To take over a Znuny/OTRS customer base without password resets, {@code verify} also
 * accepts the hashes of Znuny's {@code customer_user} table: the unsalted hex digests ({@code sha2}/SHA-256,
 * {@code sha512}, {@code sha1}, and hex MD5), MD5-crypt ({@code $1$salt$hash}, Znuny's {@code md5}) and Apache's
 * {@code apr1} variant ({@code $apr1$salt$hash}). They always need a rehash, so they disappear as customers log in.
 * Unix DES crypt, {@code bcrypt} and {@code plain} are not supported yet: those customers need a password reset.
 *
 * <p><b>Policy.</b> {@link dev.clientele.password.PasswordPolicy} holds OTRS's rules for new passwords (length,
 * two lower- and two upper-case letters, a digit, two letters, a regular expression) and reports every rule a
 * password breaks at once. {@link dev.clientele.password.LockoutPolicy} says how many failed logins within a window
 * lock an account and for how long, and computes the next {@link dev.clientele.spi.LoginState} after a failure, a
 * success or an unlock. {@link dev.clientele.password.ResetTokens} makes password reset tokens and the hashes
 * stored for them.
 *
 * <p>Passwords are passed as {@code char[]} and never logged, stored, or put in a message or {@code toString}.
 */
@NullMarked
package dev.clientele.password;

import org.jspecify.annotations.NullMarked;
