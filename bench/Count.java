import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/** Prints the rows of a table: java -cp waybill.jar bench/Count.java JDBC_URL TABLE (for bench/run.sh). */
public class Count {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0]);
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + args[1])) {
            rows.next();
            System.out.println(rows.getLong(1));
        }
    }
}
