package dev.verpath.engine.backup;

import dev.verpath.engine.failure.BackupCorruptFailure;
import dev.verpath.engine.failure.ErrorCode;
import dev.verpath.engine.failure.InputFailure;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * The OpenPGP layer of an encrypted backup archive (RFC 4880 through Bouncy Castle's bcpg): the compressed tar is
 * the literal data of a message encrypted with AES-256 (integrity protected) to every recipient's encryption key, so
 * {@code gpg --decrypt files.tar.zst.pgp | zstd -d | tar x} opens it where Verpath is not at hand. No key is ever
 * written into the backup; the identity that decrypts is read when a backup is read.
 */
final class PgpArchive {

    /** What an encrypted archive's name ends with. */
    static final String SUFFIX = ".pgp";

    private PgpArchive() {
    }

    /**
     * @param files the recipients' public key files (armored or binary, as {@code gpg --export} writes them)
     * @return one encryption key a file
     * @throws InputFailure naming the file that holds no usable key
     */
    static List<PGPPublicKey> recipients(List<Path> files) {
        List<PGPPublicKey> keys = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
                PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
                keys.add(encryptionKey(rings).orElseThrow(() -> notAKey(file, "holds no key that can encrypt")));
            } catch (IOException | PGPException | RuntimeException e) {
                if (e instanceof InputFailure failure) {
                    throw failure;
                }
                throw notAKey(file, "cannot be read as an OpenPGP public key (" + e.getMessage() + ")");
            }
        }
        return List.copyOf(keys);
    }

    private static java.util.Optional<PGPPublicKey> encryptionKey(PGPPublicKeyRingCollection rings) {
        for (Iterator<PGPPublicKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
            for (Iterator<PGPPublicKey> k = r.next().getPublicKeys(); k.hasNext(); ) {
                PGPPublicKey key = k.next();
                if (key.isEncryptionKey() && !key.hasRevocation()) {
                    return java.util.Optional.of(key);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static InputFailure notAKey(Path file, String why) {
        return new InputFailure(ErrorCode.USAGE, file + ": [backup] encrypt_to names it, but it " + why + "; export the"
                + " recipient's public key there (gpg --export --armor KEY-ID > " + file.getFileName() + ")");
    }

    /**
     * @param key a recipient's key
     * @return its fingerprint, in hex
     */
    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }

    /**
     * @param out  where the encrypted message goes
     * @param keys the recipients
     * @return the stream to write the plain archive to; closing it ends the message and closes {@code out}
     */
    static OutputStream encrypting(OutputStream sink, List<PGPPublicKey> keys) throws IOException {
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(new BcPGPDataEncryptorBuilder(
                SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true).setSecureRandom(new SecureRandom()));
        keys.forEach(k -> generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(k)));
        try {
            OutputStream encrypted = generator.open(sink, new byte[1 << 16]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream plain = literal.open(encrypted, PGPLiteralData.BINARY, "", new Date(0), new byte[1 << 16]);
            return new PlainSide(plain, literal, generator, sink);
        } catch (PGPException e) {
            throw new IOException("cannot encrypt: " + e.getMessage(), e);
        }
    }

    /** The plain side of an encrypted message: closing it ends the literal data, then the message, then the file. */
    private static final class PlainSide extends FilterOutputStream {
        private final PGPLiteralDataGenerator literal;
        private final PGPEncryptedDataGenerator generator;
        private final OutputStream sink;

        PlainSide(OutputStream plain, PGPLiteralDataGenerator literal, PGPEncryptedDataGenerator generator,
                  OutputStream sink) {
            super(plain);
            this.literal = literal;
            this.generator = generator;
            this.sink = sink;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            literal.close();
            generator.close();
            sink.close();
        }
    }

    /**
     * Opens an encrypted archive with the keys' identity, refused without one.
     *
     * @param archive the archive, for messages
     * @param in      its bytes
     * @param keys    the identity and its passphrase
     * @return the plain archive
     * @throws BackupCorruptFailure when no identity is set, or it cannot open the archive
     */
    static InputStream decrypting(Path archive, InputStream in, BackupKeys keys) throws IOException {
        return decrypting(archive, in, keys.identity().orElseThrow(() -> new BackupCorruptFailure(archive
                + ": the backup is encrypted; give the identity to read it with --identity FILE (or"
                + " $MIGRATE_BACKUP_IDENTITY): the secret key of one of its recipients; nothing was restored", archive)),
                keys.passphrase());
    }

    /**
     * Opens an encrypted archive with the identity's secret key.
     *
     * @param archive    the archive, for messages
     * @param in         its bytes
     * @param identity   the secret key file (armored or binary, as {@code gpg --export-secret-keys} writes it)
     * @param passphrase the secret key's passphrase, empty for none
     * @return the plain archive; reading it to its end checks the message's integrity
     * @throws BackupCorruptFailure when the identity cannot open it (a wrong key, a wrong passphrase)
     */
    static InputStream decrypting(Path archive, InputStream in, Path identity, char[] passphrase) throws IOException {
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(in));
            Object first = factory.nextObject();
            PGPEncryptedDataList list = (PGPEncryptedDataList) (first instanceof PGPEncryptedDataList l ? l
                    : factory.nextObject());
            PGPSecretKeyRingCollection secrets;
            try (InputStream keys = PGPUtil.getDecoderStream(Files.newInputStream(identity))) {
                secrets = new PGPSecretKeyRingCollection(keys, new BcKeyFingerprintCalculator());
            }
            for (PGPEncryptedData data : list) {
                if (data instanceof PGPPublicKeyEncryptedData encrypted) {
                    PGPSecretKey secret = secrets.getSecretKey(encrypted.getKeyID());
                    if (secret != null) {
                        return open(archive, encrypted, secret, passphrase);
                    }
                }
            }
            throw new BackupCorruptFailure(archive + ": the backup is encrypted to another key than " + identity
                    + " holds; give the identity of one of its recipients (--identity FILE or $MIGRATE_BACKUP_IDENTITY);"
                    + " nothing was restored", archive);
        } catch (PGPException | ClassCastException e) {
            throw new BackupCorruptFailure(archive + ": cannot be decrypted with " + identity + " (" + e.getMessage()
                    + "); check the identity and $MIGRATE_BACKUP_PASSPHRASE; nothing was restored", archive);
        }
    }

    private static InputStream open(Path archive, PGPPublicKeyEncryptedData encrypted, PGPSecretKey secret,
                                    char[] passphrase) throws PGPException, IOException {
        PGPPrivateKey key = secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(
                new BcPGPDigestCalculatorProvider()).build(passphrase));
        InputStream clear = encrypted.getDataStream(new BcPublicKeyDataDecryptorFactory(key));
        Object literal = new BcPGPObjectFactory(clear).nextObject();
        if (!(literal instanceof PGPLiteralData data)) {
            throw new BackupCorruptFailure(archive + ": the encrypted message holds no archive; nothing was restored",
                    archive);
        }
        return new FilterInputStream(data.getInputStream()) {
            private boolean checked;
            private boolean closed;

            @Override
            public int read() throws IOException {
                int b = super.read();
                return b < 0 ? end(b) : b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                return n < 0 ? end(n) : n;
            }

            private int end(int eof) throws IOException {
                if (!checked) {
                    checked = true;
                    try {
                        if (encrypted.isIntegrityProtected() && !encrypted.verify()) {
                            throw new IOException("the encrypted archive fails its integrity check");
                        }
                    } catch (PGPException e) {
                        throw new IOException("the encrypted archive fails its integrity check", e);
                    }
                }
                return eof;
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return; // the tar reader closes it, then the archive reader again
                }
                closed = true;
                transferTo(OutputStream.nullOutputStream()); // to its end, so that the integrity is checked
                super.close();
            }
        };
    }
}
