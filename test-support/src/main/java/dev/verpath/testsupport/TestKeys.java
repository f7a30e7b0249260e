package dev.verpath.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * An OpenPGP key for the tests, made as {@code gpg --quick-gen-key} would and exported as {@code gpg --export --armor}
 * and {@code gpg --export-secret-keys --armor} write: an RSA key that signs and encrypts, its secret part protected by
 * a passphrase (or none).
 *
 * @param publicKey the armored public key file
 * @param secretKey the armored secret key file
 */
public record TestKeys(Path publicKey, Path secretKey) {

    /**
     * @param folder     where the two files go
     * @param name       the user id and the files' stem
     * @param passphrase the secret key's passphrase, empty for none
     * @return the key's files
     */
    public static TestKeys generate(Path folder, String name, String passphrase) throws IOException, PGPException {
        RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
        rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 12));
        PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), new Date());
        PGPKeyRingGenerator ring = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, name + " <" + name
                + "@example.org>", new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), null, null,
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
                new BcPBESecretKeyEncryptorBuilder(passphrase.isEmpty() ? SymmetricKeyAlgorithmTags.NULL
                        : SymmetricKeyAlgorithmTags.AES_256).build(passphrase.toCharArray()));
        Path pub = folder.resolve(name + ".pub.asc");
        Path sec = folder.resolve(name + ".sec.asc");
        try (OutputStream out = new ArmoredOutputStream(Files.newOutputStream(pub))) {
            ring.generatePublicKeyRing().encode(out);
        }
        try (OutputStream out = new ArmoredOutputStream(Files.newOutputStream(sec))) {
            ring.generateSecretKeyRing().encode(out);
        }
        return new TestKeys(pub, sec);
    }
}
