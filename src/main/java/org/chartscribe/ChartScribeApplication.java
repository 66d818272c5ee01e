package org.chartscribe;

import org.chartscribe.eval.EvalCommand;
import org.chartscribe.store.cli.KeysCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChartScribeApplication {
    public static void main(String[] args) {
        if (args.length > 0 && "keys".equals(args[0])) {
            System.exit(KeysCli.run(args));
        }
        if (args.length > 0 && "eval".equals(args[0])) {
            System.exit(EvalCommand.run(args)); // plain Java: no Spring context is started
        }
        SpringApplication.run(ChartScribeApplication.class, args);
    }
}
