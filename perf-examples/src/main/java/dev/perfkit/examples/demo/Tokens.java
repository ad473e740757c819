package dev.perfkit.examples.demo;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's bearer tokens: {@code demo.<userId>.<signature>}, the signature an HMAC-SHA256 of the
 * user id (16 bytes, base64url) under a key drawn from the seed. The same seed gives the same
 * tokens, so a load script in another process can be handed them. A demo, not security: tokens
 * never expire.
 */
final class Tokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    Tokens(long seed) {
        byte[] bytes = new byte[32];
        new SplittableRandom(seed ^ 0x746f6b656e73L).nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    String tokenFor(long userId) {
        return "demo." + userId + "." + ENCODER.encodeToString(sign(userId));
    }

    /** Returns the user id of a valid token, or empty. */
    OptionalLong verify(String token) {
        if (token == null || !token.startsWith("demo.")) {
            return OptionalLong.empty();
        }
        int dot = token.indexOf('.', 5);
        if (dot < 0) {
            return OptionalLong.empty();
        }
        try {
            long userId = Long.parseLong(token.substring(5, dot));
            byte[] given = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(given, sign(userId)) ? OptionalLong.of(userId) : OptionalLong.empty();
        } catch (IllegalArgumentException e) {   // not a number, not base64url
            return OptionalLong.empty();
        }
    }

    private byte[] sign(long userId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);   // not thread-safe: one per call
            mac.init(key);
            byte[] full = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(userId).array());
            return Arrays.copyOf(full, SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Tokens[" + ALGORITHM + ", key hidden]";
    }
}
