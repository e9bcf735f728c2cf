-- The disposition codes every floor starts with, in the three UI languages. Admins change and add
-- to them later; a server must never offer an empty wrap-up list. The demo history uses these too.

INSERT INTO disposition_codes (code, labels, category, requires_callback, sort_order) VALUES
  ('resolved', '{"en": "Resolved", "fil": "Naresolba", "pt-BR": "Resolvido"}', 'resolved', false, 10),
  ('info_provided', '{"en": "Information given", "fil": "Nabigyan ng impormasyon", "pt-BR": "Informação fornecida"}', 'resolved', false, 20),
  ('order_status', '{"en": "Order status", "fil": "Status ng order", "pt-BR": "Status do pedido"}', 'resolved', false, 30),
  ('account_updated', '{"en": "Account updated", "fil": "Na-update ang account", "pt-BR": "Cadastro atualizado"}', 'resolved', false, 40),
  ('return_initiated', '{"en": "Return started", "fil": "Sinimulan ang return", "pt-BR": "Devolução iniciada"}', 'request', false, 50),
  ('refund_initiated', '{"en": "Refund started", "fil": "Sinimulan ang refund", "pt-BR": "Reembolso iniciado"}', 'request', false, 60),
  ('exchange_initiated', '{"en": "Exchange started", "fil": "Sinimulan ang palit", "pt-BR": "Troca iniciada"}', 'request', false, 70),
  ('order_cancelled', '{"en": "Order cancelled", "fil": "Kinansela ang order", "pt-BR": "Pedido cancelado"}', 'request', false, 80),
  ('complaint_logged', '{"en": "Complaint logged", "fil": "Naitala ang reklamo", "pt-BR": "Reclamação registrada"}', 'request', false, 90),
  ('escalated', '{"en": "Escalated", "fil": "Na-escalate", "pt-BR": "Escalado"}', 'follow_up', false, 100),
  ('callback_scheduled', '{"en": "Callback scheduled", "fil": "Naka-schedule ang callback", "pt-BR": "Retorno agendado"}', 'follow_up', true, 110),
  ('no_answer', '{"en": "No answer", "fil": "Walang sumagot", "pt-BR": "Sem resposta"}', 'other', false, 120),
  ('dropped', '{"en": "Call dropped", "fil": "Naputol ang call", "pt-BR": "Ligação caiu"}', 'other', false, 130),
  ('wrong_number', '{"en": "Wrong number", "fil": "Maling numero", "pt-BR": "Número errado"}', 'other', false, 140),
  ('no_disposition', '{"en": "Wrap-up timed out", "fil": "Naubos ang oras ng wrap-up", "pt-BR": "Tempo de pós-atendimento esgotado"}', 'other', false, 1000)
ON CONFLICT (code) DO NOTHING;
