package org.chartscribe.store;

import org.chartscribe.note.UnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The note core's {@link UnitOfWork} as one database transaction (the stores' JdbcClient joins it). */
public final class TransactionalUnitOfWork implements UnitOfWork {

    private final TransactionTemplate transaction;

    public TransactionalUnitOfWork(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void inOne(Runnable work) {
        transaction.executeWithoutResult(status -> work.run());
    }
}
