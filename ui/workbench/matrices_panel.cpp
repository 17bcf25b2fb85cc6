#include "matrices_panel.h"

#include "document.h"
#include "matrix_editor.h"
#include "matrix_model.h"

#include <QAccessible>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace attn::ui {

namespace {

QString editorTitle(MatrixId id)
{
    switch (id) {
    case MatrixId::Embeddings:
        return MatricesPanel::tr("Words and embeddings X");
    case MatrixId::SourceEmbeddings:
        return MatricesPanel::tr("Source words and embeddings X_s");
    case MatrixId::QueryWeights:
        return MatricesPanel::tr("W_Q (d_model × d_k)");
    case MatrixId::KeyWeights:
        return MatricesPanel::tr("W_K (d_model × d_k)");
    case MatrixId::ValueWeights:
        return MatricesPanel::tr("W_V (d_model × d_v)");
    case MatrixId::OutputWeights:
        return MatricesPanel::tr("W_O (d_v × d_out)");
    case MatrixId::ScoreQueryWeights:
        return MatricesPanel::tr("W_a (score)");
    case MatrixId::ScoreKeyWeights:
        return MatricesPanel::tr("U_a (additive score)");
    case MatrixId::ScoreVector:
        return MatricesPanel::tr("v_a (additive score)");
    case MatrixId::PositionWeights:
        return MatricesPanel::tr("W_p (local-p position)");
    case MatrixId::PositionVector:
        return MatricesPanel::tr("v_p (local-p position)");
    }
    return {};
}

} // namespace

MatricesPanel::MatricesPanel(Document *document, QWidget *parent)
    : QScrollArea(parent), m_document(document)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto *host = new QWidget(this);
    auto *layout = new QVBoxLayout(host);
    layout->setContentsMargins(4, 4, 4, 4);
    for (int index = 0; index < matrixIdCount; ++index) {
        const auto id = static_cast<MatrixId>(index);
        auto *box = new QGroupBox(editorTitle(id), host);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(4, 4, 4, 4);
        auto *editor = new MatrixEditor(box);
        editor->setObjectName(QStringLiteral("editor_%1").arg(QLatin1String(matrixSymbol(id))));
        editor->setAccessibleName(editorTitle(id));
        auto *model = new MatrixModel(m_document, id, editor);
        editor->setMatrixModel(model);
        auto *refusal = new QLabel(box);
        refusal->setObjectName(QStringLiteral("refusal_%1").arg(QLatin1String(matrixSymbol(id))));
        refusal->setAccessibleName(tr("Refused value in %1").arg(editorTitle(id)));
        refusal->setWordWrap(true);
        refusal->setTextFormat(Qt::PlainText);
        refusal->setTextInteractionFlags(Qt::TextSelectableByMouse);
        refusal->hide();
        connect(model, &MatrixModel::inputRejected, this, &MatricesPanel::inputRejected);
        connect(model, &MatrixModel::refusalChanged, this,
                [this, id](const QString &message) { showRefusal(id, message); });
        boxLayout->addWidget(editor);
        boxLayout->addWidget(refusal);
        layout->addWidget(box);
        m_editors[std::size_t(index)] = editor;
        m_boxes[std::size_t(index)] = box;
        m_refusals[std::size_t(index)] = refusal;
    }
    layout->addStretch(1);
    setWidget(host);
    connect(m_document, &Document::structureChanged, this, &MatricesPanel::updateEditors);
    updateEditors();
}

void MatricesPanel::focusEditor(MatrixId id)
{
    if (MatrixEditor *target = editor(id)) {
        target->setFocus(Qt::OtherFocusReason);
        ensureWidgetVisible(m_boxes[std::size_t(id)]);
    }
}

void MatricesPanel::updateEditors()
{
    const Scenario &scenario = m_document->scenario();
    for (int index = 0; index < matrixIdCount; ++index) {
        const auto id = static_cast<MatrixId>(index);
        m_boxes[std::size_t(index)]->setVisible(hasMatrix(scenario, id));
    }
}

void MatricesPanel::showRefusal(MatrixId id, const QString &message)
{
    QLabel *label = m_refusals[std::size_t(id)];
    if (message.isEmpty()) {
        label->hide();
        label->clear();
        return;
    }
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, MatrixEditor::refusalColour(palette));
    label->setPalette(palette);
    label->setText(message);
    label->setAccessibleDescription(message);
    label->show();
    // Screen readers announce it as they would an alert.
    QAccessibleEvent alert(label, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
    ensureWidgetVisible(label);
}

} // namespace attn::ui
