import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * The start-up floor: the same embedded PostgreSQL library and binaries the app uses, starting on the
 * app's existing data directory until it accepts connections, and nothing else. Prints the seconds.
 */
public class PostgresStart {

    public static void main(String[] args) throws Exception {
        long t = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).start();
             var connection = postgres.getPostgresDatabase().getConnection()) {
            System.out.printf("seconds=%.3f%n", (System.nanoTime() - t) / 1e9);
        }
    }
}
